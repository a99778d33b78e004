/**
 * The inputs the CLI takes only from their own environment variable: never from a flag (argv is
 * visible to every user of the machine), a config file (checked in) or FTPS_DEPLOY_<NAME>.
 * `ssh-passphrase` is listed before the SFTP inputs exist so that no layer ever accepts it.
 */
export const SECRET_ENV: Readonly<Record<string, string>> = {
  password: 'FTPS_PASSWORD',
  'ssh-passphrase': 'FTPS_SSH_PASSPHRASE'
}

export const isSecret = (name: string): boolean => Object.prototype.hasOwnProperty.call(SECRET_ENV, name)
