// Runs @samkirkland/ftp-deploy's deploy() in its own process, so its failures cannot take the
// benchmark down. Arguments come as JSON in BENCH_FTP_DEPLOY_ARGS, the password in
// BENCH_FTP_DEPLOY_PASSWORD (never on the command line). Exit 0 on success, 1 on failure.
import { deploy } from '@samkirkland/ftp-deploy'

const args = JSON.parse(process.env.BENCH_FTP_DEPLOY_ARGS ?? '{}')
try {
  await deploy({ ...args, password: process.env.BENCH_FTP_DEPLOY_PASSWORD ?? '' })
  process.exit(0)
} catch (err) {
  process.stderr.write(`ftp-deploy failed: ${err instanceof Error ? `${err.name}: ${err.message}` : String(err)}\n`)
  process.exit(1)
}
