#!/usr/bin/env node
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 3663:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Client = void 0;
const fs_1 = __nccwpck_require__(9896);
const path_1 = __nccwpck_require__(6928);
const tls_1 = __nccwpck_require__(4756);
const util_1 = __nccwpck_require__(9023);
const FtpContext_1 = __nccwpck_require__(6081);
const netUtils_1 = __nccwpck_require__(6156);
const parseControlResponse_1 = __nccwpck_require__(5931);
const parseList_1 = __nccwpck_require__(1641);
const parseListMLSD_1 = __nccwpck_require__(5287);
const ProgressTracker_1 = __nccwpck_require__(5475);
const safePathNames_1 = __nccwpck_require__(3680);
const StringWriter_1 = __nccwpck_require__(5494);
const transfer_1 = __nccwpck_require__(5115);
// Use promisify to keep the library compatible with Node 8.
const fsReadDir = (0, util_1.promisify)(fs_1.readdir);
const fsMkDir = (0, util_1.promisify)(fs_1.mkdir);
const fsStat = (0, util_1.promisify)(fs_1.stat);
const fsFStat = (0, util_1.promisify)(fs_1.fstat);
const fsOpen = (0, util_1.promisify)(fs_1.open);
const fsClose = (0, util_1.promisify)(fs_1.close);
const fsUnlink = (0, util_1.promisify)(fs_1.unlink);
const defaultClientOptions = {
    /** For security reasons this library should not allow separate transfer hosts by default. */
    allowSeparateTransferHost: false,
    maxListingBytes: 40 * 1024 * 1024
};
const LIST_COMMANDS_DEFAULT = () => ["LIST -a", "LIST"];
const LIST_COMMANDS_MLSD = () => ["MLSD", "LIST -a", "LIST"];
/**
 * High-level API to interact with an FTP server.
 */
class Client {
    /**
     * Instantiate an FTP client.
     *
     * @param timeout  Timeout in milliseconds, use 0 for no timeout. Optional, default is 30 seconds.
     */
    constructor(timeout = 30000, userOptions = defaultClientOptions) {
        this.availableListCommands = LIST_COMMANDS_DEFAULT();
        const options = { ...defaultClientOptions, ...userOptions };
        this.ftp = new FtpContext_1.FTPContext(timeout);
        this.prepareTransfer = this._enterFirstCompatibleMode([
            transfer_1.enterPassiveModeIPv6,
            options.allowSeparateTransferHost ? transfer_1.enterPassiveModeIPv4 : transfer_1.enterPassiveModeIPv4_forceControlHostIP
        ]);
        this.options = options;
        this.parseList = parseList_1.parseList;
        this._progressTracker = new ProgressTracker_1.ProgressTracker();
    }
    /**
     * Close the client and all open socket connections.
     *
     * Close the client and all open socket connections. The client can’t be used anymore after calling this method,
     * you have to either reconnect with `access` or `connect` or instantiate a new instance to continue any work.
     * A client is also closed automatically if any timeout or connection error occurs.
     */
    close() {
        this.ftp.close();
        this._progressTracker.stop();
    }
    /**
     * Returns true if the client is closed and can't be used anymore.
     */
    get closed() {
        return this.ftp.closed;
    }
    /**
     * Connect (or reconnect) to an FTP server.
     *
     * This is an instance method and thus can be called multiple times during the lifecycle of a `Client`
     * instance. Whenever you do, the client is reset with a new control connection. This also implies that
     * you can reopen a `Client` instance that has been closed due to an error when reconnecting with this
     * method. In fact, reconnecting is the only way to continue using a closed `Client`.
     *
     * @param host  Host the client should connect to. Optional, default is "localhost".
     * @param port  Port the client should connect to. Optional, default is 21.
     */
    connect(host = "localhost", port = 21) {
        this.ftp.reset();
        this.ftp.socket.connect({
            host,
            port,
            family: this.ftp.ipFamily
        }, () => this.ftp.log(`Connected to ${(0, netUtils_1.describeAddress)(this.ftp.socket)} (${(0, netUtils_1.describeTLS)(this.ftp.socket)})`));
        return this._handleConnectResponse();
    }
    /**
     * As `connect` but using implicit TLS. Implicit TLS is not an FTP standard and has been replaced by
     * explicit TLS. There are still FTP servers that support only implicit TLS, though.
     */
    connectImplicitTLS(host = "localhost", port = 21, tlsOptions = {}) {
        var _a;
        this.ftp.reset();
        // Remember the host identity so future data connections can resume this TLS
        // session. Since Node.js v24.17.0 (CVE-2026-48934) a reusable TLS session is
        // bound to the host it was authenticated for, and resumption is refused when
        // the resuming connection's identity (servername ?? host ?? socket._host)
        // differs. Data connections connect to the PASV/EPSV target, so without an
        // explicit host they'd resume under a different (or missing) identity and the
        // server would report the session as not resumed. This mirrors what `access`
        // already does for explicit TLS, see https://github.com/patrickjuchli/basic-ftp/issues/166.
        tlsOptions.host = (_a = tlsOptions.host) !== null && _a !== void 0 ? _a : host;
        this.ftp.socket = (0, tls_1.connect)(port, host, tlsOptions, () => this.ftp.log(`Connected to ${(0, netUtils_1.describeAddress)(this.ftp.socket)} (${(0, netUtils_1.describeTLS)(this.ftp.socket)})`));
        this.ftp.tlsOptions = tlsOptions;
        return this._handleConnectResponse();
    }
    /**
     * Handles the first reponse by an FTP server after the socket connection has been established.
     */
    _handleConnectResponse() {
        return this.ftp.handle(undefined, (res, task) => {
            if (res instanceof Error) {
                // The connection has been destroyed by the FTPContext at this point.
                task.reject(res);
            }
            else if ((0, parseControlResponse_1.positiveCompletion)(res.code)) {
                task.resolve(res);
            }
            // Reject all other codes, including 120 "Service ready in nnn minutes".
            else {
                // Don't stay connected but don't replace the socket yet by using reset()
                // so the user can inspect properties of this instance.
                task.reject(new FtpContext_1.FTPError(res));
            }
        });
    }
    /**
     * Send an FTP command and handle the first response.
     */
    send(command, ignoreErrorCodesDEPRECATED = false) {
        if (ignoreErrorCodesDEPRECATED) { // Deprecated starting from 3.9.0
            this.ftp.log("Deprecated call using send(command, flag) with boolean flag to ignore errors. Use sendIgnoringError(command).");
            return this.sendIgnoringError(command);
        }
        return this.ftp.request(command);
    }
    /**
     * Send an FTP command and ignore an FTP error response. Any other kind of error or timeout will still reject the Promise.
     *
     * @param command
     */
    sendIgnoringError(command) {
        return this.ftp.handle(command, (res, task) => {
            if (res instanceof FtpContext_1.FTPError) {
                task.resolve({ code: res.code, message: res.message });
            }
            else if (res instanceof Error) {
                task.reject(res);
            }
            else {
                task.resolve(res);
            }
        });
    }
    /**
     * Upgrade the current socket connection to TLS.
     *
     * @param options  TLS options as in `tls.connect(options)`, optional.
     * @param command  Set the authentication command. Optional, default is "AUTH TLS".
     */
    async useTLS(options = {}, command = "AUTH TLS") {
        const ret = await this.send(command);
        this.ftp.socket = await (0, netUtils_1.upgradeSocket)(this.ftp.socket, options);
        this.ftp.tlsOptions = options; // Keep the TLS options for later data connections that should use the same options.
        this.ftp.log(`Control socket is using: ${(0, netUtils_1.describeTLS)(this.ftp.socket)}`);
        return ret;
    }
    /**
     * Login a user with a password.
     *
     * @param user  Username to use for login. Optional, default is "anonymous".
     * @param password  Password to use for login. Optional, default is "guest".
     */
    login(user = "anonymous", password = "guest") {
        this.ftp.log(`Login security: ${(0, netUtils_1.describeTLS)(this.ftp.socket)}`);
        return this.ftp.handle("USER " + user, (res, task) => {
            if (res instanceof Error) {
                task.reject(res);
            }
            else if ((0, parseControlResponse_1.positiveCompletion)(res.code)) { // User logged in proceed OR Command superfluous
                task.resolve(res);
            }
            else if (res.code === 331) { // User name okay, need password
                this.ftp.send("PASS " + password);
            }
            else { // Also report error on 332 (Need account)
                task.reject(new FtpContext_1.FTPError(res));
            }
        });
    }
    /**
     * Set the usual default settings.
     *
     * Settings used:
     * * Binary mode (TYPE I)
     * * File structure (STRU F)
     * * Additional settings for FTPS (PBSZ 0, PROT P)
     */
    async useDefaultSettings() {
        const features = await this.features();
        // Use MLSD directory listing if possible. See https://tools.ietf.org/html/rfc3659#section-7.8:
        // "The presence of the MLST feature indicates that both MLST and MLSD are supported."
        const supportsMLSD = features.has("MLST");
        this.availableListCommands = supportsMLSD ? LIST_COMMANDS_MLSD() : LIST_COMMANDS_DEFAULT();
        await this.send("TYPE I"); // Binary mode
        await this.sendIgnoringError("STRU F"); // Use file structure
        await this.sendIgnoringError("OPTS UTF8 ON"); // Some servers expect UTF-8 to be enabled explicitly and setting before login might not have worked.
        if (supportsMLSD) {
            await this.sendIgnoringError("OPTS MLST type;size;modify;unique;unix.mode;unix.owner;unix.group;unix.ownername;unix.groupname;"); // Make sure MLSD listings include all we can parse
        }
        if (this.ftp.hasTLS) {
            await this.sendIgnoringError("PBSZ 0"); // Set to 0 for TLS
            await this.sendIgnoringError("PROT P"); // Protect channel (also for data connections)
        }
    }
    /**
     * Convenience method that calls `connect`, `useTLS`, `login` and `useDefaultSettings`.
     *
     * This is an instance method and thus can be called multiple times during the lifecycle of a `Client`
     * instance. Whenever you do, the client is reset with a new control connection. This also implies that
     * you can reopen a `Client` instance that has been closed due to an error when reconnecting with this
     * method. In fact, reconnecting is the only way to continue using a closed `Client`.
     */
    async access(options = {}) {
        var _a, _b;
        const useExplicitTLS = options.secure === true;
        const useImplicitTLS = options.secure === "implicit";
        let welcome;
        if (useImplicitTLS) {
            welcome = await this.connectImplicitTLS(options.host, options.port, options.secureOptions);
        }
        else {
            welcome = await this.connect(options.host, options.port);
        }
        if (useExplicitTLS) {
            // Fixes https://github.com/patrickjuchli/basic-ftp/issues/166 by making sure
            // host is set for any future data connection as well.
            const secureOptions = (_a = options.secureOptions) !== null && _a !== void 0 ? _a : {};
            secureOptions.host = (_b = secureOptions.host) !== null && _b !== void 0 ? _b : options.host;
            await this.useTLS(secureOptions);
        }
        // Set UTF-8 on before login in case there are non-ascii characters in user or password.
        // Note that this might not work before login depending on server.
        await this.sendIgnoringError("OPTS UTF8 ON");
        await this.login(options.user, options.password);
        await this.useDefaultSettings();
        return welcome;
    }
    /**
     * Get the current working directory.
     */
    async pwd() {
        const res = await this.send("PWD");
        // The directory is part of the return message, for example:
        // 257 "/this/that" is current directory.
        const parsed = res.message.match(/"(.+)"/);
        if (parsed === null || parsed[1] === undefined) {
            throw new Error(`Can't parse response to command 'PWD': ${res.message}`);
        }
        return parsed[1];
    }
    /**
     * Get a description of supported features.
     *
     * This sends the FEAT command and parses the result into a Map where keys correspond to available commands
     * and values hold further information. Be aware that your FTP servers might not support this
     * command in which case this method will not throw an exception but just return an empty Map.
     */
    async features() {
        const res = await this.sendIgnoringError("FEAT");
        const features = new Map();
        // Not supporting any special features will be reported with a single line.
        if (res.code < 400 && (0, parseControlResponse_1.isMultiline)(res.message)) {
            // The first and last line wrap the multiline response, ignore them.
            res.message.split("\n").slice(1, -1).forEach(line => {
                // A typical lines looks like: " REST STREAM" or " MDTM".
                // Servers might not use an indentation though.
                const entry = line.trim().split(" ");
                features.set(entry[0], entry[1] || "");
            });
        }
        return features;
    }
    /**
     * Set the working directory.
     */
    async cd(path) {
        const validPath = await this.protectWhitespace(path);
        return this.send("CWD " + validPath);
    }
    /**
     * Switch to the parent directory of the working directory.
     */
    async cdup() {
        return this.send("CDUP");
    }
    /**
     * Get the last modified time of a file. This is not supported by every FTP server, in which case
     * calling this method will throw an exception.
     */
    async lastMod(path) {
        const validPath = await this.protectWhitespace(path);
        const res = await this.send(`MDTM ${validPath}`);
        const date = res.message.slice(4);
        return (0, parseListMLSD_1.parseMLSxDate)(date);
    }
    /**
     * Get the size of a file.
     */
    async size(path) {
        const validPath = await this.protectWhitespace(path);
        const command = `SIZE ${validPath}`;
        const res = await this.send(command);
        // The size is part of the response message, for example: "213 555555". It's
        // possible that there is a commmentary appended like "213 5555, some commentary".
        const size = parseInt(res.message.slice(4), 10);
        if (Number.isNaN(size)) {
            throw new Error(`Can't parse response to command '${command}' as a numerical value: ${res.message}`);
        }
        return size;
    }
    /**
     * Rename a file.
     *
     * Depending on the FTP server this might also be used to move a file from one
     * directory to another by providing full paths.
     */
    async rename(srcPath, destPath) {
        const validSrc = await this.protectWhitespace(srcPath);
        const validDest = await this.protectWhitespace(destPath);
        await this.send("RNFR " + validSrc);
        return this.send("RNTO " + validDest);
    }
    /**
     * Remove a file from the current working directory.
     *
     * You can ignore FTP error return codes which won't throw an exception if e.g.
     * the file doesn't exist.
     */
    async remove(path, ignoreErrorCodes = false) {
        const validPath = await this.protectWhitespace(path);
        if (ignoreErrorCodes) {
            return this.sendIgnoringError(`DELE ${validPath}`);
        }
        return this.send(`DELE ${validPath}`);
    }
    /**
     * Report transfer progress for any upload or download to a given handler.
     *
     * This will also reset the overall transfer counter that can be used for multiple transfers. You can
     * also call the function without a handler to stop reporting to an earlier one.
     *
     * @param handler  Handler function to call on transfer progress.
     */
    trackProgress(handler) {
        this._progressTracker.bytesOverall = 0;
        this._progressTracker.reportTo(handler);
    }
    /**
     * Upload data from a readable stream or a local file to a remote file.
     *
     * @param source  Readable stream or path to a local file.
     * @param toRemotePath  Path to a remote file to write to.
     */
    async uploadFrom(source, toRemotePath, options = {}) {
        return this._uploadWithCommand(source, toRemotePath, "STOR", options);
    }
    /**
     * Upload data from a readable stream or a local file by appending it to an existing file. If the file doesn't
     * exist the FTP server should create it.
     *
     * @param source  Readable stream or path to a local file.
     * @param toRemotePath  Path to a remote file to write to.
     */
    async appendFrom(source, toRemotePath, options = {}) {
        return this._uploadWithCommand(source, toRemotePath, "APPE", options);
    }
    /**
     * @protected
     */
    async _uploadWithCommand(source, remotePath, command, options) {
        if (typeof source === "string") {
            return this._uploadLocalFile(source, remotePath, command, options);
        }
        return this._uploadFromStream(source, remotePath, command);
    }
    /**
     * @protected
     */
    async _uploadLocalFile(localPath, remotePath, command, options) {
        const fd = await fsOpen(localPath, "r");
        const source = (0, fs_1.createReadStream)("", {
            fd,
            start: options.localStart,
            end: options.localEndInclusive,
            autoClose: false
        });
        try {
            const expectedBytes = await expectedBytesFromLocalFile(fd, options);
            const response = await this._uploadFromStream(source, remotePath, command);
            // A local file that is modified while it is being read results in an incomplete
            // upload. Neither the FTP server nor the data connection can detect this, the
            // transfer just ends early and is reported as successful. Compare what we read
            // with what we expected to read to turn this into an error instead.
            if (expectedBytes !== undefined && source.bytesRead !== expectedBytes) {
                throw new Error(`Local file "${localPath}" changed while it was being uploaded to "${remotePath}": expected to send ${expectedBytes} bytes but sent ${source.bytesRead}. The remote file is incomplete.`);
            }
            return response;
        }
        finally {
            await ignoreError(() => fsClose(fd));
        }
    }
    /**
     * @protected
     */
    async _uploadFromStream(source, remotePath, command) {
        const onError = (err) => this.ftp.closeWithError(err);
        source.once("error", onError);
        try {
            const validPath = await this.protectWhitespace(remotePath);
            await this.prepareTransfer(this.ftp);
            // Keep the keyword `await` or the `finally` clause below runs too early
            // and removes the event listener for the source stream too early.
            return await (0, transfer_1.uploadFrom)(source, {
                ftp: this.ftp,
                tracker: this._progressTracker,
                command,
                remotePath: validPath,
                type: "upload"
            });
        }
        finally {
            source.removeListener("error", onError);
        }
    }
    /**
     * Download a remote file and pipe its data to a writable stream or to a local file.
     *
     * You can optionally define at which position of the remote file you'd like to start
     * downloading. If the destination you provide is a file, the offset will be applied
     * to it as well. For example: To resume a failed download, you'd request the size of
     * the local, partially downloaded file and use that as the offset. Assuming the size
     * is 23, you'd download the rest using `downloadTo("local.txt", "remote.txt", 23)`.
     *
     * @param destination  Stream or path for a local file to write to.
     * @param fromRemotePath  Path of the remote file to read from.
     * @param startAt  Position within the remote file to start downloading at. If the destination is a file, this offset is also applied to it.
     */
    async downloadTo(destination, fromRemotePath, startAt = 0) {
        if (typeof destination === "string") {
            return this._downloadToFile(destination, fromRemotePath, startAt);
        }
        return this._downloadToStream(destination, fromRemotePath, startAt);
    }
    /**
     * @protected
     */
    async _downloadToFile(localPath, remotePath, startAt) {
        const appendingToLocalFile = startAt > 0;
        const fileSystemFlags = appendingToLocalFile ? "r+" : "w";
        const fd = await fsOpen(localPath, fileSystemFlags);
        const destination = (0, fs_1.createWriteStream)("", {
            fd,
            start: startAt,
            autoClose: false
        });
        try {
            return await this._downloadToStream(destination, remotePath, startAt);
        }
        catch (err) {
            const localFileStats = await ignoreError(() => fsStat(localPath));
            const hasDownloadedData = localFileStats && localFileStats.size > 0;
            const shouldRemoveLocalFile = !appendingToLocalFile && !hasDownloadedData;
            if (shouldRemoveLocalFile) {
                await ignoreError(() => fsUnlink(localPath));
            }
            throw err;
        }
        finally {
            await ignoreError(() => fsClose(fd));
        }
    }
    /**
     * @protected
     */
    async _downloadToStream(destination, remotePath, startAt) {
        const onError = (err) => this.ftp.closeWithError(err);
        destination.once("error", onError);
        try {
            const validPath = await this.protectWhitespace(remotePath);
            await this.prepareTransfer(this.ftp);
            // Keep the keyword `await` or the `finally` clause below runs too early
            // and removes the event listener for the source stream too early.
            return await (0, transfer_1.downloadTo)(destination, {
                ftp: this.ftp,
                tracker: this._progressTracker,
                command: startAt > 0 ? `REST ${startAt}` : `RETR ${validPath}`,
                remotePath: validPath,
                type: "download"
            });
        }
        finally {
            destination.removeListener("error", onError);
            destination.end();
        }
    }
    /**
     * List files and directories in the current working directory, or from `path` if specified.
     *
     * @param [path]  Path to remote file or directory.
     */
    async list(path = "") {
        const validPath = await this.protectWhitespace(path);
        let lastError;
        for (const candidate of this.availableListCommands) {
            const command = validPath === "" ? candidate : `${candidate} ${validPath}`;
            await this.prepareTransfer(this.ftp);
            try {
                const parsedList = await this._requestListWithCommand(command);
                // Use successful candidate for all subsequent requests.
                this.availableListCommands = [candidate];
                return parsedList;
            }
            catch (err) {
                const shouldTryNext = err instanceof FtpContext_1.FTPError;
                if (!shouldTryNext) {
                    throw err;
                }
                lastError = err;
            }
        }
        throw lastError;
    }
    /**
     * @protected
     */
    async _requestListWithCommand(command) {
        const buffer = new StringWriter_1.StringWriter(this.options.maxListingBytes);
        await (0, transfer_1.downloadTo)(buffer, {
            ftp: this.ftp,
            tracker: this._progressTracker,
            command,
            remotePath: "",
            type: "list"
        });
        const text = buffer.getText(this.ftp.encoding);
        this.ftp.log(text);
        return this.parseList(text);
    }
    /**
     * Remove a directory and all of its content.
     *
     * @param remoteDirPath  The path of the remote directory to delete.
     * @example client.removeDir("foo") // Remove directory 'foo' using a relative path.
     * @example client.removeDir("foo/bar") // Remove directory 'bar' using a relative path.
     * @example client.removeDir("/foo/bar") // Remove directory 'bar' using an absolute path.
     * @example client.removeDir("/") // Remove everything.
     */
    async removeDir(remoteDirPath) {
        return this._exitAtCurrentDirectory(async () => {
            await this.cd(remoteDirPath);
            // Get the absolute path of the target because remoteDirPath might be a relative path, even `../` is possible.
            const absoluteDirPath = await this.pwd();
            await this.clearWorkingDir();
            const dirIsRoot = absoluteDirPath === "/";
            if (!dirIsRoot) {
                await this.cdup();
                await this.removeEmptyDir(absoluteDirPath);
            }
        });
    }
    /**
     * Remove all files and directories in the working directory without removing
     * the working directory itself.
     */
    async clearWorkingDir() {
        for (const file of await this.list()) {
            if (file.isDirectory) {
                await this.cd(file.name);
                await this.clearWorkingDir();
                await this.cdup();
                await this.removeEmptyDir(file.name);
            }
            else {
                await this.remove(file.name);
            }
        }
    }
    /**
     * Upload the contents of a local directory to the remote working directory.
     *
     * This will overwrite existing files with the same names and reuse existing directories.
     * Unrelated files and directories will remain untouched. You can optionally provide a `remoteDirPath`
     * to put the contents inside a directory which will be created if necessary including all
     * intermediate directories. If you did provide a remoteDirPath the working directory will stay
     * the same as before calling this method.
     *
     * @param localDirPath  Local path, e.g. "foo/bar" or "../test"
     * @param [remoteDirPath]  Remote path of a directory to upload to. Working directory if undefined.
     */
    async uploadFromDir(localDirPath, remoteDirPath) {
        return this._exitAtCurrentDirectory(async () => {
            if (remoteDirPath) {
                await this.ensureDir(remoteDirPath);
            }
            return await this._uploadToWorkingDir(localDirPath);
        });
    }
    /**
     * @protected
     */
    async _uploadToWorkingDir(localDirPath) {
        const files = await fsReadDir(localDirPath);
        for (const file of files) {
            const fullPath = (0, path_1.join)(localDirPath, file);
            const stats = await fsStat(fullPath);
            if (stats.isFile()) {
                await this.uploadFrom(fullPath, file);
            }
            else if (stats.isDirectory()) {
                await this._openDir(file);
                await this._uploadToWorkingDir(fullPath);
                await this.cdup();
            }
        }
    }
    /**
     * Download all files and directories of the working directory to a local directory.
     *
     * @param localDirPath  The local directory to download to.
     * @param remoteDirPath  Remote directory to download. Current working directory if not specified.
     */
    async downloadToDir(localDirPath, remoteDirPath) {
        return this._exitAtCurrentDirectory(async () => {
            if (remoteDirPath) {
                await this.cd(remoteDirPath);
            }
            return await this._downloadFromWorkingDir(localDirPath);
        });
    }
    /**
     * @protected
     */
    async _downloadFromWorkingDir(localDirPath) {
        await ensureLocalDirectory(localDirPath);
        for (const file of await this.list()) {
            if (!(0, safePathNames_1.isSafePathName)(file.name)) {
                const safeName = JSON.stringify(file.name);
                this.ftp.log(`Invalid filename from server listing, will skip file. (${safeName})`);
                continue;
            }
            const localPath = (0, path_1.join)(localDirPath, file.name);
            if (file.isDirectory) {
                await this.cd(file.name);
                await this._downloadFromWorkingDir(localPath);
                await this.cdup();
            }
            else if (file.isFile) {
                await this.downloadTo(localPath, file.name);
            }
        }
    }
    /**
     * Make sure a given remote path exists, creating all directories as necessary.
     * This function also changes the current working directory to the given path.
     */
    async ensureDir(remoteDirPath) {
        // If the remoteDirPath was absolute go to root directory.
        if (remoteDirPath.startsWith("/")) {
            await this.cd("/");
        }
        const names = remoteDirPath.split("/").filter(name => name !== "");
        for (const name of names) {
            await this._openDir(name);
        }
    }
    /**
     * Try to create a directory and enter it. This will not raise an exception if the directory
     * couldn't be created if for example it already exists.
     * @protected
     */
    async _openDir(dirName) {
        await this.sendIgnoringError("MKD " + dirName);
        await this.cd(dirName);
    }
    /**
     * Remove an empty directory, will fail if not empty.
     */
    async removeEmptyDir(path) {
        const validPath = await this.protectWhitespace(path);
        return this.send(`RMD ${validPath}`);
    }
    /**
     * FTP servers can't handle filenames that have leading whitespace. This method transforms
     * a given path to fix that issue for most cases.
     */
    async protectWhitespace(path) {
        if (!path.startsWith(" ")) {
            return path;
        }
        // Handle leading whitespace by prepending the absolute path:
        // " test.txt" while being in the root directory becomes "/ test.txt".
        const pwd = await this.pwd();
        const absolutePathPrefix = pwd.endsWith("/") ? pwd : pwd + "/";
        return absolutePathPrefix + path;
    }
    async _exitAtCurrentDirectory(func) {
        const userDir = await this.pwd();
        try {
            return await func();
        }
        finally {
            if (!this.closed) {
                await ignoreError(() => this.cd(userDir));
            }
        }
    }
    /**
     * Try all available transfer strategies and pick the first one that works. Update `client` to
     * use the working strategy for all successive transfer requests.
     *
     * @returns a function that will try the provided strategies.
     */
    _enterFirstCompatibleMode(strategies) {
        return async (ftp) => {
            ftp.log("Trying to find optimal transfer strategy...");
            let lastError = undefined;
            for (const strategy of strategies) {
                try {
                    const res = await strategy(ftp);
                    ftp.log("Optimal transfer strategy found.");
                    this.prepareTransfer = strategy;
                    return res;
                }
                catch (err) {
                    // Try the next candidate no matter the exact error. It's possible that a server
                    // answered incorrectly to a strategy, for example a PASV answer to an EPSV.
                    lastError = err;
                }
            }
            throw new Error(`None of the available transfer strategies work. Last error response was '${lastError}'.`);
        };
    }
    /**
     * DEPRECATED, use `uploadFrom`.
     * @deprecated
     */
    async upload(source, toRemotePath, options = {}) {
        this.ftp.log("Warning: upload() has been deprecated, use uploadFrom().");
        return this.uploadFrom(source, toRemotePath, options);
    }
    /**
     * DEPRECATED, use `appendFrom`.
     * @deprecated
     */
    async append(source, toRemotePath, options = {}) {
        this.ftp.log("Warning: append() has been deprecated, use appendFrom().");
        return this.appendFrom(source, toRemotePath, options);
    }
    /**
     * DEPRECATED, use `downloadTo`.
     * @deprecated
     */
    async download(destination, fromRemotePath, startAt = 0) {
        this.ftp.log("Warning: download() has been deprecated, use downloadTo().");
        return this.downloadTo(destination, fromRemotePath, startAt);
    }
    /**
     * DEPRECATED, use `uploadFromDir`.
     * @deprecated
     */
    async uploadDir(localDirPath, remoteDirPath) {
        this.ftp.log("Warning: uploadDir() has been deprecated, use uploadFromDir().");
        return this.uploadFromDir(localDirPath, remoteDirPath);
    }
    /**
     * DEPRECATED, use `downloadToDir`.
     * @deprecated
     */
    async downloadDir(localDirPath) {
        this.ftp.log("Warning: downloadDir() has been deprecated, use downloadToDir().");
        return this.downloadToDir(localDirPath);
    }
}
exports.Client = Client;
async function ensureLocalDirectory(path) {
    try {
        await fsStat(path);
    }
    catch (_a) {
        await fsMkDir(path, { recursive: true });
    }
}
/**
 * Return how many bytes an upload should read from an open local file, taking the optional
 * range described by `options` into account. Returns `undefined` if the size can't be known
 * upfront, for example because the source is a pipe or another non-regular file.
 */
async function expectedBytesFromLocalFile(fd, options) {
    var _a;
    const stats = await fsFStat(fd);
    if (!stats.isFile()) {
        return undefined;
    }
    const start = (_a = options.localStart) !== null && _a !== void 0 ? _a : 0;
    // `localEndInclusive` beyond the end of the file just means "read until the end".
    const endExclusive = options.localEndInclusive !== undefined
        ? Math.min(options.localEndInclusive + 1, stats.size)
        : stats.size;
    return Math.max(0, endExclusive - start);
}
async function ignoreError(func) {
    try {
        return await func();
    }
    catch (_a) {
        // Ignore
        return undefined;
    }
}


/***/ }),

/***/ 7666:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.FileInfo = exports.FileType = void 0;
var FileType;
(function (FileType) {
    FileType[FileType["Unknown"] = 0] = "Unknown";
    FileType[FileType["File"] = 1] = "File";
    FileType[FileType["Directory"] = 2] = "Directory";
    FileType[FileType["SymbolicLink"] = 3] = "SymbolicLink";
})(FileType || (exports.FileType = FileType = {}));
/**
 * Describes a file, directory or symbolic link.
 */
class FileInfo {
    constructor(name) {
        this.name = name;
        this.type = FileType.Unknown;
        this.size = 0;
        /**
         * Unparsed, raw modification date as a string.
         *
         * If `modifiedAt` is undefined, the FTP server you're connected to doesn't support the more modern
         * MLSD command for machine-readable directory listings. The older command LIST is then used returning
         * results that vary a lot between servers as the format hasn't been standardized. Here, directory listings
         * and especially modification dates were meant to be human-readable first.
         *
         * Be careful when still trying to parse this by yourself. Parsing dates from listings using LIST is
         * unreliable. This library decides to offer parsed dates only when they're absolutely reliable and safe to
         * use e.g. for comparisons.
         */
        this.rawModifiedAt = "";
        /**
         * Parsed modification date.
         *
         * Available if the FTP server supports the MLSD command. Only MLSD guarantees dates than can be reliably
         * parsed with the correct timezone and a resolution down to seconds. See `rawModifiedAt` property for the unparsed
         * date that is always available.
         */
        this.modifiedAt = undefined;
        /**
         * Unix permissions if present. If the underlying FTP server is not running on Unix this will be undefined.
         * If set, you might be able to edit permissions with the FTP command `SITE CHMOD`.
         */
        this.permissions = undefined;
        /**
         * Hard link count if available.
         */
        this.hardLinkCount = undefined;
        /**
         * Link name for symbolic links if available.
         */
        this.link = undefined;
        /**
         * Unix group if available.
         */
        this.group = undefined;
        /**
         * Unix user if available.
         */
        this.user = undefined;
        /**
         * Unique ID if available.
         */
        this.uniqueID = undefined;
        this.name = name;
    }
    get isDirectory() {
        return this.type === FileType.Directory;
    }
    get isSymbolicLink() {
        return this.type === FileType.SymbolicLink;
    }
    get isFile() {
        return this.type === FileType.File;
    }
    /**
     * Deprecated, legacy API. Use `rawModifiedAt` instead.
     * @deprecated
     */
    get date() {
        return this.rawModifiedAt;
    }
    set date(rawModifiedAt) {
        this.rawModifiedAt = rawModifiedAt;
    }
}
exports.FileInfo = FileInfo;
FileInfo.UnixPermission = {
    Read: 4,
    Write: 2,
    Execute: 1
};


/***/ }),

/***/ 6081:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.FTPContext = exports.FTPError = void 0;
const net_1 = __nccwpck_require__(9278);
const tls_1 = __nccwpck_require__(4756);
const parseControlResponse_1 = __nccwpck_require__(5931);
/**
 * Describes an FTP server error response including the FTP response code.
 */
class FTPError extends Error {
    constructor(res) {
        super(res.message);
        this.name = this.constructor.name;
        this.code = res.code;
    }
}
exports.FTPError = FTPError;
function doNothing() {
    /** Do nothing */
}
// Limit the accepted size of the control response.
const maxControlResponseLength = 2 ** 16;
/**
 * FTPContext holds the control and data sockets of an FTP connection and provides a
 * simplified way to interact with an FTP server, handle responses, errors and timeouts.
 *
 * It doesn't implement or use any FTP commands. It's only a foundation to make writing an FTP
 * client as easy as possible. You won't usually instantiate this, but use `Client`.
 */
class FTPContext {
    /**
     * Instantiate an FTP context.
     *
     * @param timeout - Timeout in milliseconds to apply to control and data connections. Use 0 for no timeout.
     * @param encoding - Encoding to use for control connection. UTF-8 by default. Use "latin1" for older servers.
     */
    constructor(timeout = 0, encoding = "utf8") {
        this.timeout = timeout;
        /** Debug-level logging of all socket communication. */
        this.verbose = false;
        /** IP version to prefer (4: IPv4, 6: IPv6, undefined: automatic). */
        this.ipFamily = undefined;
        /** Options for TLS connections. */
        this.tlsOptions = {};
        /** Most recent TLS session from the control connection, used to resume the session on data connections. */
        this.tlsSessionStore = undefined;
        /** A multiline response might be received as multiple chunks. */
        this._partialResponse = "";
        this._encoding = encoding;
        // Help Typescript understand that we do indeed set _socket in the constructor but use the setter method to do so.
        this._socket = this.socket = this._newSocket();
        this._dataSocket = undefined;
    }
    /**
     * Close the context.
     */
    close() {
        // Internally, closing a context is always described with an error. If there is still a task running, it will
        // abort with an exception that the user closed the client during a task. If no task is running, no exception is
        // thrown but all newly submitted tasks after that will abort the exception that the client has been closed.
        // In addition the user will get a stack trace pointing to where exactly the client has been closed. So in any
        // case use _closingError to determine whether a context is closed. This also allows us to have a single code-path
        // for closing a context making the implementation easier.
        const message = this._task ? "User closed client during task" : "User closed client";
        const err = new Error(message);
        this.closeWithError(err);
    }
    /**
     * Close the context with an error.
     */
    closeWithError(err) {
        // If this context already has been closed, don't overwrite the reason.
        if (this._closingError) {
            return;
        }
        this._closingError = err;
        // Close the sockets but don't fully reset this context to preserve `this._closingError`.
        this._closeControlSocket();
        this._closeSocket(this._dataSocket);
        // Give the user's task a chance to react, maybe cleanup resources.
        this._passToHandler(err);
        // The task might not have been rejected by the user after receiving the error.
        this._stopTrackingTask();
    }
    /**
     * Returns true if this context has been closed or hasn't been connected yet. You can reopen it with `access`.
     */
    get closed() {
        return this.socket.remoteAddress === undefined || this._closingError !== undefined;
    }
    /**
     * Reset this contex and all of its state.
     */
    reset() {
        this.socket = this._newSocket();
    }
    /**
     * Get the FTP control socket.
     */
    get socket() {
        return this._socket;
    }
    /**
     * Set the socket for the control connection. This will only close the current control socket
     * if the new one is not an upgrade to the current one.
     */
    set socket(socket) {
        // No data socket should be open in any case where the control socket is set or upgraded.
        this.dataSocket = undefined;
        // This being a reset, reset any other state apart from the socket.
        this.tlsOptions = {};
        this.tlsSessionStore = undefined;
        this._partialResponse = "";
        if (this._socket) {
            const newSocketUpgradesExisting = socket.localPort === this._socket.localPort;
            if (newSocketUpgradesExisting) {
                this._removeSocketListeners(this.socket);
            }
            else {
                this._closeControlSocket();
            }
        }
        if (socket) {
            // Setting a completely new control socket is in essence something like a reset. That's
            // why we also close any open data connection above. We can go one step further and reset
            // a possible closing error. That means that a closed FTPContext can be "reopened" by
            // setting a new control socket.
            this._closingError = undefined;
            // Don't set a timeout yet. Timeout for control sockets is only active during a task, see handle() below.
            socket.setTimeout(0);
            socket.setEncoding(this._encoding);
            socket.setKeepAlive(true);
            socket.on("data", data => this._onControlSocketData(data));
            // Server sending a FIN packet is treated as an error.
            socket.on("end", () => this.closeWithError(new Error("Server sent FIN packet unexpectedly, closing connection.")));
            // Control being closed without error by server is treated as an error.
            socket.on("close", hadError => { if (!hadError)
                this.closeWithError(new Error("Server closed connection unexpectedly.")); });
            this._setupDefaultErrorHandlers(socket, "control socket");
            if (socket instanceof tls_1.TLSSocket) {
                socket.on("session", session => { this.tlsSessionStore = session; });
            }
        }
        this._socket = socket;
    }
    /**
     * Get the current FTP data connection if present.
     */
    get dataSocket() {
        return this._dataSocket;
    }
    /**
     * Set the socket for the data connection. This will automatically close the former data socket.
     */
    set dataSocket(socket) {
        this._closeSocket(this._dataSocket);
        if (socket) {
            // Don't set a timeout yet. Timeout data socket should be activated when data transmission starts
            // and timeout on control socket is deactivated.
            socket.setTimeout(0);
            this._setupDefaultErrorHandlers(socket, "data socket");
        }
        this._dataSocket = socket;
    }
    /**
     * Get the currently used encoding.
     */
    get encoding() {
        return this._encoding;
    }
    /**
     * Set the encoding used for the control socket.
     *
     * See https://nodejs.org/api/buffer.html#buffer_buffers_and_character_encodings for what encodings
     * are supported by Node.
     */
    set encoding(encoding) {
        this._encoding = encoding;
        if (this.socket) {
            this.socket.setEncoding(encoding);
        }
    }
    /**
     * Send an FTP command without waiting for or handling the result.
     */
    send(command) {
        const containsPassword = command.startsWith("PASS");
        const description = containsPassword ? "PASS ###" : command;
        // Reject control character injection attempts.
        if (/[\r\n\0]/.test(command)) {
            throw new Error(`Invalid command: Contains control characters. (${description})`);
        }
        this.log(`> ${description}`);
        this._socket.write(command + "\r\n", this.encoding);
    }
    /**
     * Send an FTP command and handle the first response. Use this if you have a simple
     * request-response situation.
     */
    request(command) {
        return this.handle(command, (res, task) => {
            if (res instanceof Error) {
                task.reject(res);
            }
            else {
                task.resolve(res);
            }
        });
    }
    /**
     * Send an FTP command and handle any response until you resolve/reject. Use this if you expect multiple responses
     * to a request. This returns a Promise that will hold whatever the response handler passed on when resolving/rejecting its task.
     */
    handle(command, responseHandler) {
        if (this._task) {
            const err = new Error("User launched a task while another one is still running. Forgot to use 'await' or '.then()'?");
            err.stack += `\nRunning task launched at: ${this._task.stack}`;
            this.closeWithError(err);
            // Don't return here, continue with returning the Promise that will then be rejected
            // because the context closed already. That way, users will receive an exception where
            // they called this method by mistake.
        }
        return new Promise((resolveTask, rejectTask) => {
            // A task can only be settled once. A handler can still hold on to its resolver after
            // that, for example because a stream reports an error late. By then the next task
            // might be running already and stopping to track it would leave it without a response.
            let settled = false;
            const stopTrackingOnce = () => {
                if (settled) {
                    return;
                }
                settled = true;
                this._stopTrackingTask();
            };
            this._task = {
                stack: new Error().stack || "Unknown call stack",
                responseHandler,
                resolver: {
                    resolve: arg => {
                        stopTrackingOnce();
                        resolveTask(arg);
                    },
                    reject: err => {
                        stopTrackingOnce();
                        rejectTask(err);
                    }
                }
            };
            if (this._closingError) {
                // This client has been closed. Provide an error that describes this one as being caused
                // by `_closingError`, include stack traces for both.
                const err = new Error(`Client is closed because ${this._closingError.message}`); // Type 'Error' is not correctly defined, doesn't have 'code'.
                err.stack += `\nClosing reason: ${this._closingError.stack}`;
                err.code = this._closingError.code !== undefined ? this._closingError.code : "0";
                this._passToHandler(err);
                return;
            }
            // Only track control socket timeout during the lifecycle of a task. This avoids timeouts on idle sockets,
            // the default socket behaviour which is not expected by most users.
            this.socket.setTimeout(this.timeout);
            if (command) {
                // Nothing has been sent if this fails, so the task can be rejected without closing the client.
                try {
                    this.send(command);
                }
                catch (err) {
                    this._task.resolver.reject(err);
                }
            }
        });
    }
    /**
     * Log message if set to be verbose.
     */
    log(message) {
        if (this.verbose) {
            // tslint:disable-next-line no-console
            console.log(message);
        }
    }
    /**
     * Return true if the control socket is using TLS. This does not mean that a session
     * has already been negotiated.
     */
    get hasTLS() {
        return "encrypted" in this._socket;
    }
    /**
     * Removes reference to current task and handler. This won't resolve or reject the task.
     * @protected
     */
    _stopTrackingTask() {
        // Disable timeout on control socket if there is no task active.
        this.socket.setTimeout(0);
        this._task = undefined;
    }
    /**
     * Handle incoming data on the control socket. The chunk is going to be of type `string`
     * because we let `socket` handle encoding with `setEncoding`.
     * @protected
     */
    _onControlSocketData(chunk) {
        this.log(`< ${chunk}`);
        // This chunk might complete an earlier partial response. Protect against unbounded response attack.
        if (this._partialResponse.length + chunk.length > maxControlResponseLength) {
            this.closeWithError(new Error("FTP control response exceeded maximum allowed size"));
            return;
        }
        const completeResponse = this._partialResponse + chunk;
        const parsed = (0, parseControlResponse_1.parseControlResponse)(completeResponse);
        // Remember any incomplete remainder.
        this._partialResponse = parsed.rest;
        // Each response group is passed along individually.
        for (const message of parsed.messages) {
            const code = parseInt(message.substr(0, 3), 10);
            const response = { code, message };
            const err = code >= 400 ? new FTPError(response) : undefined;
            this._passToHandler(err ? err : response);
        }
    }
    /**
     * Send the current handler a response. This is usually a control socket response
     * or a socket event, like an error or timeout.
     * @protected
     */
    _passToHandler(response) {
        const task = this._task;
        if (task) {
            // Handlers run during socket events where nobody could catch an error. Report it to the
            // task instead and close because the state of the session is unknown at this point.
            try {
                task.responseHandler(response, task.resolver);
            }
            catch (err) {
                task.resolver.reject(err);
                this.closeWithError(err);
            }
        }
        // Errors other than FTPError always close the client. If there isn't an active task to handle the error,
        // the next one submitted will receive it using `_closingError`.
        // There is only one edge-case: If there is an FTPError while no task is active, the error will be dropped.
        // But that means that the user sent an FTP command with no intention of handling the result. So why should the
        // error be handled? Maybe log it at least? Debug logging will already do that and the client stays useable after
        // FTPError. So maybe no need to do anything here.
    }
    /**
     * Setup all error handlers for a socket.
     * @protected
     */
    _setupDefaultErrorHandlers(socket, identifier) {
        socket.once("error", error => {
            error.message += ` (${identifier})`;
            this.closeWithError(error);
        });
        socket.once("close", hadError => {
            if (hadError) {
                this.closeWithError(new Error(`Socket closed due to transmission error (${identifier})`));
            }
        });
        socket.once("timeout", () => {
            socket.destroy();
            this.closeWithError(new Error(`Timeout (${identifier})`));
        });
    }
    /**
     * Close the control socket. Sends QUIT, then FIN, and ignores any response or error.
     */
    _closeControlSocket() {
        this._removeSocketListeners(this._socket);
        this._socket.on("error", doNothing);
        this.send("QUIT");
        this._closeSocket(this._socket);
    }
    /**
     * Close a socket, ignores any error.
     * @protected
     */
    _closeSocket(socket) {
        if (socket) {
            this._removeSocketListeners(socket);
            socket.on("error", doNothing);
            socket.destroy();
        }
    }
    /**
     * Remove all default listeners for socket.
     * @protected
     */
    _removeSocketListeners(socket) {
        socket.removeAllListeners();
        // Before Node.js 10.3.0, using `socket.removeAllListeners()` without any name did not work: https://github.com/nodejs/node/issues/20923.
        socket.removeAllListeners("timeout");
        socket.removeAllListeners("data");
        socket.removeAllListeners("end");
        socket.removeAllListeners("error");
        socket.removeAllListeners("close");
        socket.removeAllListeners("connect");
    }
    /**
     * Provide a new socket instance.
     *
     * Internal use only, replaced for unit tests.
     */
    _newSocket() {
        return new net_1.Socket();
    }
}
exports.FTPContext = FTPContext;


/***/ }),

/***/ 5475:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.ProgressTracker = void 0;
/**
 * Tracks progress of one socket data transfer at a time.
 */
class ProgressTracker {
    constructor() {
        this.bytesOverall = 0;
        this.intervalMs = 500;
        this.onStop = noop;
        this.onHandle = noop;
    }
    /**
     * Register a new handler for progress info. Use `undefined` to disable reporting.
     */
    reportTo(onHandle = noop) {
        this.onHandle = onHandle;
    }
    /**
     * Start tracking transfer progress of a socket.
     *
     * @param socket  The socket to observe.
     * @param name  A name associated with this progress tracking, e.g. a filename.
     * @param type  The type of the transfer, typically "upload" or "download".
     */
    start(socket, name, type) {
        let lastBytes = 0;
        this.onStop = poll(this.intervalMs, () => {
            const bytes = socket.bytesRead + socket.bytesWritten;
            this.bytesOverall += bytes - lastBytes;
            lastBytes = bytes;
            this.onHandle({
                name,
                type,
                bytes,
                bytesOverall: this.bytesOverall
            });
        });
    }
    /**
     * Stop tracking transfer progress.
     */
    stop() {
        this.onStop(false);
    }
    /**
     * Call the progress handler one more time, then stop tracking.
     */
    updateAndStop() {
        this.onStop(true);
    }
}
exports.ProgressTracker = ProgressTracker;
/**
 * Starts calling a callback function at a regular interval. The first call will go out
 * immediately. The function returns a function to stop the polling.
 */
function poll(intervalMs, updateFunc) {
    const id = setInterval(updateFunc, intervalMs);
    const stopFunc = (stopWithUpdate) => {
        clearInterval(id);
        if (stopWithUpdate) {
            updateFunc();
        }
        // Prevent repeated calls to stop calling handler.
        updateFunc = noop;
    };
    updateFunc();
    return stopFunc;
}
function noop() { }


/***/ }),

/***/ 4184:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));


/***/ }),

/***/ 5494:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.StringWriter = void 0;
const stream_1 = __nccwpck_require__(2203);
class StringWriter extends stream_1.Writable {
    constructor(maxByteLength = 1 * 1024 * 1024) {
        super();
        this.maxByteLength = maxByteLength;
        this.byteLength = 0;
        this.bufs = [];
    }
    _write(chunk, _, callback) {
        if (!(chunk instanceof Buffer)) {
            callback(new Error("StringWriter: expects chunks of type 'Buffer'."));
            return;
        }
        if (this.byteLength + chunk.byteLength > this.maxByteLength) {
            callback(new Error(`StringWriter: Maximum bytes exceeded, maxByteLength=${this.maxByteLength}.`));
            return;
        }
        this.byteLength += chunk.byteLength;
        this.bufs.push(chunk);
        callback(null);
    }
    getText(encoding) {
        return Buffer.concat(this.bufs).toString(encoding);
    }
}
exports.StringWriter = StringWriter;


/***/ }),

/***/ 3892:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.TransferWatchdog = void 0;
/** How long to wait between two checks of a transfer at most, in milliseconds. */
const maxCheckIntervalMs = 500;
/**
 * How many checks a timeout is split into, at least. A transfer is only reported as stalled if
 * every single one of them found the connection idle. Deciding on a single check would make brief
 * moments where a transfer looks idle without being stalled matter, for example just after a
 * destination signalled that it can accept data again but before the first bytes arrived.
 *
 * Splitting into n checks means such a moment has to last about (n-1)/n of the timeout to be
 * mistaken for a stall, so the value matters much less than it being greater than one. It only
 * has an effect on timeouts below `minChecksPerTimeout * maxCheckIntervalMs` anyway, longer ones
 * are split into more checks by the interval limit alone.
 */
const minChecksPerTimeout = 4;
/**
 * Watches a data connection during a transfer and reports it as stalled if the server stopped
 * making progress.
 *
 * This replaces a plain inactivity timeout on the data socket. Such a timeout can't tell apart
 * "the server stopped sending" from "our own source or destination isn't ready yet". A slow local
 * stream is not an error: A download piped into a decompressor, or an upload fed by a stream that
 * computes its data, can legitimately leave the connection idle for minutes. Timing out on that
 * kills a healthy transfer and truncates the data the destination already received.
 *
 * Only time spent waiting for the server counts towards the timeout, see `isWaitingForServer`.
 */
class TransferWatchdog {
    constructor() {
        this.timer = undefined;
    }
    /**
     * Start watching a transfer. Calls `onStall` if the server hasn't made progress for
     * `timeout` milliseconds, or for twice that if we made it wait ourselves before that.
     * A timeout of 0 disables the watchdog.
     */
    start(socket, direction, timeout, onStall) {
        this.stop();
        if (timeout <= 0) {
            return;
        }
        const intervalMs = Math.max(1, Math.min(Math.floor(timeout / minChecksPerTimeout), maxCheckIntervalMs));
        let lastBytes = countBytes(socket);
        let idleMs = 0;
        let graceMs = 0;
        this.timer = setInterval(() => {
            const bytes = countBytes(socket);
            const madeProgress = bytes !== lastBytes;
            lastBytes = bytes;
            if (!isWaitingForServer(socket, direction)) {
                // We're the ones holding up the transfer. The server won't continue the moment
                // we're ready again: our backpressure closed the receive window and it only
                // learns that it reopened with its next probe, so grant that on top of timeout.
                idleMs = 0;
                graceMs = timeout;
                return;
            }
            if (madeProgress) {
                idleMs = 0;
                graceMs = 0;
                return;
            }
            // Count checks instead of measuring elapsed time: a blocked event loop delays our
            // checks just as much as it delays reading from the socket, and that's not something
            // the server should be blamed for.
            idleMs += intervalMs;
            if (idleMs >= timeout + graceMs) {
                this.stop();
                onStall();
            }
        }, intervalMs);
        // Don't keep the process alive just to watch a transfer.
        this.timer.unref();
    }
    /**
     * Stop watching. Safe to call at any time, also if no transfer is being watched.
     */
    stop() {
        if (this.timer) {
            clearInterval(this.timer);
            this.timer = undefined;
        }
    }
}
exports.TransferWatchdog = TransferWatchdog;
function countBytes(socket) {
    return socket.bytesRead + socket.bytesWritten;
}
/**
 * Returns true if the transfer can only continue once the server acts. When downloading, that's
 * the case as long as we're ready to receive: if the socket is paused, our destination applied
 * backpressure and the server may well be waiting for us. When uploading, it's the case if we
 * still have data queued that the server isn't accepting: an empty queue means we're waiting for
 * our own source instead.
 *
 * `isPaused()` only reports backpressure for a socket that is being piped, which is what
 * `downloadTo` in transfer.ts does. Should that ever change to reading the socket directly, e.g.
 * by iterating over it, this would report a transfer as stalled while it's waiting for us.
 */
function isWaitingForServer(socket, direction) {
    return direction === "download" ? !socket.isPaused() : socket.writableLength > 0;
}


/***/ }),

/***/ 7382:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {


var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __exportStar = (this && this.__exportStar) || function(m, exports) {
    for (var p in m) if (p !== "default" && !Object.prototype.hasOwnProperty.call(exports, p)) __createBinding(exports, m, p);
};
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.enterPassiveModeIPv6 = exports.enterPassiveModeIPv4 = void 0;
/**
 * Public API
 */
__exportStar(__nccwpck_require__(3663), exports);
__exportStar(__nccwpck_require__(6081), exports);
__exportStar(__nccwpck_require__(7666), exports);
__exportStar(__nccwpck_require__(1641), exports);
__exportStar(__nccwpck_require__(4184), exports);
var transfer_1 = __nccwpck_require__(5115);
Object.defineProperty(exports, "enterPassiveModeIPv4", ({ enumerable: true, get: function () { return transfer_1.enterPassiveModeIPv4; } }));
Object.defineProperty(exports, "enterPassiveModeIPv6", ({ enumerable: true, get: function () { return transfer_1.enterPassiveModeIPv6; } }));


/***/ }),

/***/ 6156:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.describeTLS = describeTLS;
exports.describeAddress = describeAddress;
exports.upgradeSocket = upgradeSocket;
exports.isLoopback = isLoopback;
exports.ipIsPrivateV4Address = ipIsPrivateV4Address;
const tls_1 = __nccwpck_require__(4756);
/**
 * Returns a string describing the encryption on a given socket instance.
 */
function describeTLS(socket) {
    if (socket instanceof tls_1.TLSSocket) {
        const protocol = socket.getProtocol();
        return protocol ? protocol : "Server socket or disconnected client socket";
    }
    return "No encryption";
}
/**
 * Returns a string describing the remote address of a socket.
 */
function describeAddress(socket) {
    if (socket.remoteFamily === "IPv6") {
        return `[${socket.remoteAddress}]:${socket.remotePort}`;
    }
    return `${socket.remoteAddress}:${socket.remotePort}`;
}
/**
 * Upgrade a socket connection with TLS.
 */
function upgradeSocket(socket, options) {
    return new Promise((resolve, reject) => {
        const tlsOptions = Object.assign({}, options, {
            socket
        });
        const tlsSocket = (0, tls_1.connect)(tlsOptions, () => {
            const expectCertificate = tlsOptions.rejectUnauthorized !== false;
            if (expectCertificate && !tlsSocket.authorized) {
                reject(tlsSocket.authorizationError);
            }
            else {
                // Remove error listener added below.
                tlsSocket.removeAllListeners("error");
                resolve(tlsSocket);
            }
        }).once("error", error => {
            reject(error);
        });
    });
}
/**
 * Returns true if an IP address is a loopback address.
 */
function isLoopback(ip) {
    return ip === "::1" || ip.startsWith("127.");
}
/**
 * Returns true if an IP is a private address according to https://tools.ietf.org/html/rfc1918#section-3.
 * This will handle IPv4-mapped IPv6 addresses correctly but return false for all other IPv6 addresses.
 *
 * @param ip  The IP as a string, e.g. "192.168.0.1"
 */
function ipIsPrivateV4Address(ip = "") {
    // Handle IPv4-mapped IPv6 addresses like ::ffff:192.168.0.1
    if (ip.startsWith("::ffff:")) {
        ip = ip.substr(7); // Strip ::ffff: prefix
    }
    const octets = ip.split(".").map(o => parseInt(o, 10));
    return octets[0] === 10 // 10.0.0.0 - 10.255.255.255
        || (octets[0] === 172 && octets[1] >= 16 && octets[1] <= 31) // 172.16.0.0 - 172.31.255.255
        || (octets[0] === 192 && octets[1] === 168) // 192.168.0.0 - 192.168.255.255
        || ip === "127.0.0.1";
}


/***/ }),

/***/ 5931:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.parseControlResponse = parseControlResponse;
exports.isSingleLine = isSingleLine;
exports.isMultiline = isMultiline;
exports.positiveCompletion = positiveCompletion;
exports.positiveIntermediate = positiveIntermediate;
const LF = "\n";
/**
 * Parse an FTP control response as a collection of messages. A message is a complete
 * single- or multiline response. A response can also contain multiple multiline responses
 * that will each be represented by a message. A response can also be incomplete
 * and be completed on the next incoming data chunk for which case this function also
 * describes a `rest`. This function converts all CRLF to LF.
 */
function parseControlResponse(text) {
    const lines = text.split(/\r?\n/).filter(isNotBlank);
    const messages = [];
    let startAt = 0;
    let tokenRegex;
    for (let i = 0; i < lines.length; i++) {
        const line = lines[i];
        // No group has been opened.
        if (!tokenRegex) {
            if (isMultiline(line)) {
                // Open a group by setting an expected token.
                const token = line.substr(0, 3);
                tokenRegex = new RegExp(`^${token}(?:$| )`);
                startAt = i;
            }
            else if (isSingleLine(line)) {
                // Single lines can be grouped immediately.
                messages.push(line);
            }
        }
        // Group has been opened, expect closing token.
        else if (tokenRegex.test(line)) {
            tokenRegex = undefined;
            messages.push(lines.slice(startAt, i + 1).join(LF));
        }
    }
    // The last group might not have been closed, report it as a rest.
    const rest = tokenRegex ? lines.slice(startAt).join(LF) + LF : "";
    return { messages, rest };
}
function isSingleLine(line) {
    return /^\d\d\d(?:$| )/.test(line);
}
function isMultiline(line) {
    return /^\d\d\d-/.test(line);
}
/**
 * Return true if an FTP return code describes a positive completion.
 */
function positiveCompletion(code) {
    return code >= 200 && code < 300;
}
/**
 * Return true if an FTP return code describes a positive intermediate response.
 */
function positiveIntermediate(code) {
    return code >= 300 && code < 400;
}
function isNotBlank(str) {
    return str.trim() !== "";
}


/***/ }),

/***/ 1641:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {


var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.parseList = parseList;
const dosParser = __importStar(__nccwpck_require__(4439));
const unixParser = __importStar(__nccwpck_require__(8003));
const mlsdParser = __importStar(__nccwpck_require__(5287));
/**
 * Available directory listing parsers. These are candidates that will be tested
 * in the order presented. The first candidate will be used to parse the whole list.
 */
const availableParsers = [
    dosParser,
    unixParser,
    mlsdParser // Keep MLSD last, may accept filename only
];
function firstCompatibleParser(line, parsers) {
    return parsers.find(parser => parser.testLine(line) === true);
}
function isNotBlank(str) {
    return str.trim() !== "";
}
function isNotMeta(str) {
    return !str.startsWith("total");
}
const REGEX_NEWLINE = /\r?\n/;
/**
 * Parse raw directory listing.
 */
function parseList(rawList) {
    const lines = rawList
        .split(REGEX_NEWLINE)
        .filter(isNotBlank)
        .filter(isNotMeta);
    if (lines.length === 0) {
        return [];
    }
    const testLine = lines[lines.length - 1];
    const parser = firstCompatibleParser(testLine, availableParsers);
    if (!parser) {
        throw new Error("This library only supports MLSD, Unix- or DOS-style directory listing. Your FTP server seems to be using another format. You can see the transmitted listing when setting `client.ftp.verbose = true`. You can then provide a custom parser to `client.parseList`, see the documentation for details.");
    }
    const files = lines
        .map(parser.parseLine)
        .filter((info) => info !== undefined);
    return parser.transformList(files);
}


/***/ }),

/***/ 4439:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.testLine = testLine;
exports.parseLine = parseLine;
exports.transformList = transformList;
const FileInfo_1 = __nccwpck_require__(7666);
/**
 * This parser is based on the FTP client library source code in Apache Commons Net provided
 * under the Apache 2.0 license. It has been simplified and rewritten to better fit the Javascript language.
 *
 * https://github.com/apache/commons-net/blob/master/src/main/java/org/apache/commons/net/ftp/parser/NTFTPEntryParser.java
 *
 * Keep this expression anchored: without it a line that can't be parsed is retried at every position,
 * and as the expression starts with `\S+` each attempt is itself linear in the length of the line. A
 * single long line without whitespace would cost O(n²), which a server could use to block the event loop.
 */
const RE_LINE = new RegExp("^\\s*" // anchor, `testLine` below is even stricter about this
    + "(\\S+)\\s+(\\S+)\\s+" // MM-dd-yy whitespace hh:mma|kk:mm swallow trailing spaces
    + "(?:(<DIR>)|([0-9]+))\\s+" // <DIR> or ddddd swallow trailing spaces
    + "(\\S.*)" // First non-space followed by rest of line (name)
);
/**
 * Returns true if a given line might be a DOS-style listing.
 *
 * - Example: `12-05-96  05:03PM       <DIR>          myDir`
 */
function testLine(line) {
    return /^\d{2}/.test(line) && RE_LINE.test(line);
}
/**
 * Parse a single line of a DOS-style directory listing.
 */
function parseLine(line) {
    const groups = line.match(RE_LINE);
    if (groups === null) {
        return undefined;
    }
    const name = groups[5];
    if (name === "." || name === "..") { // Ignore parent directory links
        return undefined;
    }
    const file = new FileInfo_1.FileInfo(name);
    const fileType = groups[3];
    if (fileType === "<DIR>") {
        file.type = FileInfo_1.FileType.Directory;
        file.size = 0;
    }
    else {
        file.type = FileInfo_1.FileType.File;
        file.size = parseInt(groups[4], 10);
    }
    file.rawModifiedAt = groups[1] + " " + groups[2];
    return file;
}
function transformList(files) {
    return files;
}


/***/ }),

/***/ 5287:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.testLine = testLine;
exports.parseLine = parseLine;
exports.transformList = transformList;
exports.parseMLSxDate = parseMLSxDate;
const FileInfo_1 = __nccwpck_require__(7666);
function parseSize(value, info) {
    info.size = parseInt(value, 10);
}
/**
 * Parsers for MLSD facts.
 */
const factHandlersByName = {
    "size": parseSize, // File size
    "sizd": parseSize, // Directory size
    "unique": (value, info) => {
        info.uniqueID = value;
    },
    "modify": (value, info) => {
        info.modifiedAt = parseMLSxDate(value);
        info.rawModifiedAt = info.modifiedAt.toISOString();
    },
    "type": (value, info) => {
        // There seems to be confusion on how to handle symbolic links for Unix. RFC 3659 doesn't describe
        // this but mentions some examples using the syntax `type=OS.unix=slink:<target>`. But according to
        // an entry in the Errata (https://www.rfc-editor.org/errata/eid1500) this syntax can't be valid.
        // Instead it proposes to use `type=OS.unix=symlink` and to then list the actual target of the
        // symbolic link as another entry in the directory listing. The unique identifiers can then be used
        // to derive the connection between link(s) and target. We'll have to handle both cases as there
        // are differing opinions on how to deal with this. Here are some links on this topic:
        // - ProFTPD source: https://github.com/proftpd/proftpd/blob/56e6dfa598cbd4ef5c6cba439bcbcd53a63e3b21/modules/mod_facts.c#L531
        // - ProFTPD bug: http://bugs.proftpd.org/show_bug.cgi?id=3318
        // - ProFTPD statement: http://www.proftpd.org/docs/modules/mod_facts.html
        // – FileZilla bug: https://trac.filezilla-project.org/ticket/9310
        if (value.startsWith("OS.unix=slink")) {
            info.type = FileInfo_1.FileType.SymbolicLink;
            info.link = value.substr(value.indexOf(":") + 1);
            return 1 /* FactHandlerResult.Continue */;
        }
        switch (value) {
            case "file":
                info.type = FileInfo_1.FileType.File;
                break;
            case "dir":
                info.type = FileInfo_1.FileType.Directory;
                break;
            case "OS.unix=symlink":
                info.type = FileInfo_1.FileType.SymbolicLink;
                // The target of the symbolic link might be defined in another line in the directory listing.
                // We'll handle this in `transformList()` below.
                break;
            case "cdir": // Current directory being listed
            case "pdir": // Parent directory
                return 2 /* FactHandlerResult.IgnoreFile */; // Don't include these entries in the listing
            default:
                info.type = FileInfo_1.FileType.Unknown;
        }
        return 1 /* FactHandlerResult.Continue */;
    },
    "unix.mode": (value, info) => {
        const digits = value.substr(-3);
        info.permissions = {
            user: parseInt(digits[0], 10),
            group: parseInt(digits[1], 10),
            world: parseInt(digits[2], 10)
        };
    },
    "unix.ownername": (value, info) => {
        info.user = value;
    },
    "unix.owner": (value, info) => {
        if (info.user === undefined)
            info.user = value;
    },
    get "unix.uid"() {
        return this["unix.owner"];
    },
    "unix.groupname": (value, info) => {
        info.group = value;
    },
    "unix.group": (value, info) => {
        if (info.group === undefined)
            info.group = value;
    },
    get "unix.gid"() {
        return this["unix.group"];
    }
    // Regarding the fact "perm":
    // We don't handle permission information stored in "perm" because its information is conceptually
    // different from what users of FTP clients usually associate with "permissions". Those that have
    // some expectations (and probably want to edit them with a SITE command) often unknowingly expect
    // the Unix permission system. The information passed by "perm" describes what FTP commands can be
    // executed with a file/directory. But even this can be either incomplete or just meant as a "guide"
    // as the spec mentions. From https://tools.ietf.org/html/rfc3659#section-7.5.5: "The permissions are
    // described here as they apply to FTP commands. They may not map easily into particular permissions
    // available on the server's operating system." The parser by Apache Commons tries to translate these
    // to Unix permissions – this is misleading users and might not even be correct.
};
/**
 * Split a string once at the first position of a delimiter. For example
 * `splitStringOnce("a b c d", " ")` returns `["a", "b c d"]`.
 */
function splitStringOnce(str, delimiter) {
    const pos = str.indexOf(delimiter);
    const a = str.substr(0, pos);
    const b = str.substr(pos + delimiter.length);
    return [a, b];
}
/**
 * Returns true if a given line might be part of an MLSD listing.
 *
 * - Example 1: `size=15227;type=dir;perm=el;modify=20190419065730; test one`
 * - Example 2: ` file name` (leading space)
 *
 * Keep `=` out of the fact name: if both sides of the first `=` could contain it, a long line of `=`
 * without `;` would be retried at every split point, costing O(n²) and blocking the event loop.
 */
function testLine(line) {
    return /^[^\s=]+=\S+;/.test(line) || line.startsWith(" ");
}
/**
 * Parse single line as MLSD listing, see specification at https://tools.ietf.org/html/rfc3659#section-7.
 */
function parseLine(line) {
    const [packedFacts, name] = splitStringOnce(line, " ");
    if (name === "" || name === "." || name === "..") {
        return undefined;
    }
    const info = new FileInfo_1.FileInfo(name);
    const facts = packedFacts.split(";");
    for (const fact of facts) {
        const [factName, factValue] = splitStringOnce(fact, "=");
        if (!factValue) {
            continue;
        }
        // The fact name comes from the server, only accept own keys and not ones like `__proto__`.
        const key = factName.toLowerCase();
        if (!Object.prototype.hasOwnProperty.call(factHandlersByName, key)) {
            continue;
        }
        const result = factHandlersByName[key](factValue, info);
        if (result === 2 /* FactHandlerResult.IgnoreFile */) {
            return undefined;
        }
    }
    return info;
}
function transformList(files) {
    // Create a map of all files that are not symbolic links by their unique ID
    const nonLinksByID = new Map();
    for (const file of files) {
        if (!file.isSymbolicLink && file.uniqueID !== undefined) {
            nonLinksByID.set(file.uniqueID, file);
        }
    }
    const resolvedFiles = [];
    for (const file of files) {
        // Try to associate unresolved symbolic links with a target file/directory.
        if (file.isSymbolicLink && file.uniqueID !== undefined && file.link === undefined) {
            const target = nonLinksByID.get(file.uniqueID);
            if (target !== undefined) {
                file.link = target.name;
            }
        }
        // The target of a symbolic link is listed as an entry in the directory listing but might
        // have a path pointing outside of this directory. In that case we don't want this entry
        // to be part of the listing. We generally don't want these kind of entries at all.
        const isPartOfDirectory = !file.name.includes("/");
        if (isPartOfDirectory) {
            resolvedFiles.push(file);
        }
    }
    return resolvedFiles;
}
/**
 * Parse date as specified in https://tools.ietf.org/html/rfc3659#section-2.3.
 *
 * Message contains response code and modified time in the format: YYYYMMDDHHMMSS[.sss]
 * For example `19991005213102` or `19980615100045.014`.
 */
function parseMLSxDate(fact) {
    return new Date(Date.UTC(+fact.slice(0, 4), // Year
    +fact.slice(4, 6) - 1, // Month
    +fact.slice(6, 8), // Date
    +fact.slice(8, 10), // Hours
    +fact.slice(10, 12), // Minutes
    +fact.slice(12, 14), // Seconds
    +fact.slice(15, 18) // Milliseconds
    ));
}


/***/ }),

/***/ 8003:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.testLine = testLine;
exports.parseLine = parseLine;
exports.transformList = transformList;
const FileInfo_1 = __nccwpck_require__(7666);
const JA_MONTH = "\u6708";
const JA_DAY = "\u65e5";
const JA_YEAR = "\u5e74";
/**
 * This parser is based on the FTP client library source code in Apache Commons Net provided
 * under the Apache 2.0 license. It has been simplified and rewritten to better fit the Javascript language.
 *
 * https://github.com/apache/commons-net/blob/master/src/main/java/org/apache/commons/net/ftp/parser/UnixFTPEntryParser.java
 *
 * Below is the regular expression used by this parser.
 *
 * Permissions:
 *    r   the file is readable
 *    w   the file is writable
 *    x   the file is executable
 *    -   the indicated permission is not granted
 *    L   mandatory locking occurs during access (the set-group-ID bit is
 *        on and the group execution bit is off)
 *    s   the set-user-ID or set-group-ID bit is on, and the corresponding
 *        user or group execution bit is also on
 *    S   undefined bit-state (the set-user-ID bit is on and the user
 *        execution bit is off)
 *    t   the 1000 (octal) bit, or sticky bit, is on [see chmod(1)], and
 *        execution is on
 *    T   the 1000 bit is turned on, and execution is off (undefined bit-
 *        state)
 *    e   z/OS external link bit
 *    Final letter may be appended:
 *    +   file has extended security attributes (e.g. ACL)
 *    Note: local listings on MacOSX also use '@'
 *    this is not allowed for here as does not appear to be shown by FTP servers
 *    {@code @}   file has extended attributes
 *
 * Keep this expression anchored and both name quantifiers bounded: spaces are allowed in the owner and
 * group name, so an unbounded pair of them makes a line that can't be parsed cost O(n²) in its length,
 * which a server could use to block the event loop.
 */
const RE_LINE = new RegExp("^[\\s\\d]*" // anchor, skipping an inode/block count as reported by `ls -i` or `ls -s`
    + "([bcdelfmpSs-])" // file type
    + "(((r|-)(w|-)([xsStTL-]))((r|-)(w|-)([xsStTL-]))((r|-)(w|-)([xsStTL-]?)))\\+?" // permissions
    + "\\s*" // separator TODO why allow it to be omitted??
    + "(\\d+)" // link count
    + "\\s+" // separator
    + "(?:(\\S+(?:\\s\\S+){0,7}?)\\s+)?" // owner name (bounded, may contain spaces)
    + "(?:(\\S+(?:\\s\\S+){0,7})\\s+)?" // group name (bounded, may contain spaces)
    + "(\\d+(?:,\\s*\\d+)?)" // size or n,m
    + "\\s+" // separator
    /**
     * numeric or standard format date:
     *   yyyy-mm-dd (expecting hh:mm to follow)
     *   MMM [d]d
     *   [d]d MMM
     *   N.B. use non-space for MMM to allow for languages such as German which use
     *   diacritics (e.g. umlaut) in some abbreviations.
     *   Japanese uses numeric day and month with suffixes to distinguish them
     *   [d]dXX [d]dZZ
     */
    + "(" +
    "(?:\\d+[-/]\\d+[-/]\\d+)" + // yyyy-mm-dd
    "|(?:\\S{3}\\s+\\d{1,2})" + // MMM [d]d
    "|(?:\\d{1,2}\\s+\\S{3})" + // [d]d MMM
    "|(?:\\d{1,2}" + JA_MONTH + "\\s+\\d{1,2}" + JA_DAY + ")" +
    ")"
    + "\\s+" // separator
    /**
     * year (for non-recent standard format) - yyyy
     * or time (for numeric or recent standard format) [h]h:mm
     * or Japanese year - yyyyXX
     */
    + "((?:\\d+(?::\\d+)?)|(?:\\d{4}" + JA_YEAR + "))" // (20)
    + "\\s" // separator
    + "(.*)"); // the rest (21)
/**
 * Returns true if a given line might be a Unix-style listing.
 *
 * - Example: `-rw-r--r--+   1 patrick  staff   1057 Dec 11 14:35 test.txt`
 */
function testLine(line) {
    return RE_LINE.test(line);
}
/**
 * Parse a single line of a Unix-style directory listing.
 */
function parseLine(line) {
    const groups = line.match(RE_LINE);
    if (groups === null) {
        return undefined;
    }
    const name = groups[21];
    if (name === "." || name === "..") { // Ignore parent directory links
        return undefined;
    }
    const file = new FileInfo_1.FileInfo(name);
    file.size = parseInt(groups[18], 10);
    file.user = groups[16];
    file.group = groups[17];
    file.hardLinkCount = parseInt(groups[15], 10);
    file.rawModifiedAt = groups[19] + " " + groups[20];
    file.permissions = {
        user: parseMode(groups[4], groups[5], groups[6]),
        group: parseMode(groups[8], groups[9], groups[10]),
        world: parseMode(groups[12], groups[13], groups[14]),
    };
    // Set file type
    switch (groups[1].charAt(0)) {
        case "d":
            file.type = FileInfo_1.FileType.Directory;
            break;
        case "e": // NET-39 => z/OS external link
            file.type = FileInfo_1.FileType.SymbolicLink;
            break;
        case "l":
            file.type = FileInfo_1.FileType.SymbolicLink;
            break;
        case "b":
        case "c":
            file.type = FileInfo_1.FileType.File; // TODO change this if DEVICE_TYPE implemented
            break;
        case "f":
        case "-":
            file.type = FileInfo_1.FileType.File;
            break;
        default:
            // A 'whiteout' file is an ARTIFICIAL entry in any of several types of
            // 'translucent' filesystems, of which a 'union' filesystem is one.
            file.type = FileInfo_1.FileType.Unknown;
    }
    // Separate out the link name for symbolic links
    if (file.isSymbolicLink) {
        const end = name.indexOf(" -> ");
        if (end !== -1) {
            file.name = name.substring(0, end);
            file.link = name.substring(end + 4);
        }
    }
    return file;
}
function transformList(files) {
    return files;
}
function parseMode(r, w, x) {
    let value = 0;
    if (r !== "-") {
        value += FileInfo_1.FileInfo.UnixPermission.Read;
    }
    if (w !== "-") {
        value += FileInfo_1.FileInfo.UnixPermission.Write;
    }
    const execToken = x.charAt(0);
    if (execToken !== "-" && execToken.toUpperCase() !== execToken) {
        value += FileInfo_1.FileInfo.UnixPermission.Execute;
    }
    return value;
}


/***/ }),

/***/ 3680:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {


var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.isSafePathName = isSafePathName;
const path = __importStar(__nccwpck_require__(6928));
/**
 * Returns true if a name from a directory listing can only refer to an entry directly inside a
 * local directory when joined with its path.
 */
function isSafePathName(name, localPath = path) {
    if (!name || name === "." || name === ".." || name.includes("/")) {
        return false;
    }
    if (localPath.sep === "\\") {
        // Windows also separates with "\", reads ":" as a drive (older Node joins "." and "C:" to
        // "C:", see CVE-2025-23084) and ignores trailing dots and spaces, so ".. " acts like "..".
        return !/[\\:]/.test(name) && !/^[. ]+$/.test(name);
    }
    return true;
}


/***/ }),

/***/ 5115:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.enterPassiveModeIPv6 = enterPassiveModeIPv6;
exports.parseEpsvResponse = parseEpsvResponse;
exports.enterPassiveModeIPv4 = enterPassiveModeIPv4;
exports.enterPassiveModeIPv4_forceControlHostIP = enterPassiveModeIPv4_forceControlHostIP;
exports.parsePasvResponse = parsePasvResponse;
exports.connectForPassiveTransfer = connectForPassiveTransfer;
exports.uploadFrom = uploadFrom;
exports.downloadTo = downloadTo;
const stream_1 = __nccwpck_require__(2203);
const tls_1 = __nccwpck_require__(4756);
const TransferWatchdog_1 = __nccwpck_require__(3892);
const netUtils_1 = __nccwpck_require__(6156);
const parseControlResponse_1 = __nccwpck_require__(5931);
/**
 * Prepare a data socket using passive mode over IPv6.
 */
async function enterPassiveModeIPv6(ftp) {
    const res = await ftp.request("EPSV");
    const port = parseEpsvResponse(res.message);
    if (!port) {
        throw new Error("Can't parse EPSV response: " + res.message);
    }
    const controlHost = ftp.socket.remoteAddress;
    if (controlHost === undefined) {
        throw new Error("Control socket is disconnected, can't get remote address.");
    }
    await connectForPassiveTransfer(controlHost, port, ftp);
    return res;
}
/**
 * Parse an EPSV response. Returns only the port as in EPSV the host of the control connection is used.
 */
function parseEpsvResponse(message) {
    // Get port from EPSV response, e.g. "229 Entering Extended Passive Mode (|||6446|)"
    // Some FTP Servers such as the one on IBM i (OS/400) use ! instead of | in their EPSV response.
    const groups = message.match(/[|!]{3}(.+)[|!]/);
    if (groups === null || groups[1] === undefined) {
        throw new Error(`Can't parse response to 'EPSV': ${message}`);
    }
    const port = parseInt(groups[1], 10);
    if (Number.isNaN(port)) {
        throw new Error(`Can't parse response to 'EPSV', port is not a number: ${message}`);
    }
    return port;
}
/**
 * Prepare a data socket using passive mode over IPv4.
 */
async function enterPassiveModeIPv4(ftp) {
    const res = await ftp.request("PASV");
    const target = parsePasvResponse(res.message);
    if (!target) {
        throw new Error("Can't parse PASV response: " + res.message);
    }
    // If the host in the PASV response has a local address while the control connection hasn't,
    // we assume a NAT issue and use the IP of the control connection as the target for the data connection.
    // We can't always perform this replacement because it's possible (although unlikely) that the FTP server
    // indeed uses a different host for data connections.
    const controlHost = ftp.socket.remoteAddress;
    if ((0, netUtils_1.ipIsPrivateV4Address)(target.host) && controlHost && !(0, netUtils_1.ipIsPrivateV4Address)(controlHost)) {
        target.host = controlHost;
    }
    await connectForPassiveTransfer(target.host, target.port, ftp);
    return res;
}
/**
 * Prepare a data socket using passive mode over IPv4.
 *
 * Will throw an error if the IP provided by the PASV response doesn't match the one of the control connection.
 * The error will contain detailed information. This is done to provide more security by preventing FTP bounce
 * attacks.
 */
async function enterPassiveModeIPv4_forceControlHostIP(ftp) {
    const res = await ftp.request("PASV");
    const target = parsePasvResponse(res.message);
    if (!target) {
        throw new Error("Can't parse PASV response: " + res.message);
    }
    const controlHost = ftp.socket.remoteAddress;
    if (controlHost === undefined) {
        throw new Error("Control socket is disconnected, can't get remote address.");
    }
    // Strip IPv4-mapped IPv6 prefix (e.g. "::ffff:1.2.3.4" → "1.2.3.4") so the
    // comparison works regardless of whether the OS uses a dual-stack socket.
    const normalizedControlHost = controlHost.replace(/^::ffff:/i, "");
    const hostsAreCompatible = normalizedControlHost === target.host
        || ((0, netUtils_1.isLoopback)(normalizedControlHost) && (0, netUtils_1.isLoopback)(target.host));
    if (!hostsAreCompatible) {
        throw new Error(`PASV returned another host (${target.host}) for data transfer that you have connected to (${controlHost}). Even though the FTP protocol allows this, basic-ftp disables this feature by default for security reasons. If you do need this feature, instantiate the Client with the optional paramter "allowSeparateTransferHost: true". See the README documentation for more information.`);
    }
    await connectForPassiveTransfer(normalizedControlHost, target.port, ftp);
    return res;
}
/**
 * Parse a PASV response.
 */
function parsePasvResponse(message) {
    // Get host and port from PASV response, e.g. "227 Entering Passive Mode (192,168,1,100,10,229)"
    // Only start a match at the beginning of a number: retrying at every digit of a long number
    // without commas would cost O(n²), which a server could use to block the event loop.
    const groups = message.match(/(?<![-\d])([-\d]+,[-\d]+,[-\d]+,[-\d]+),([-\d]+),([-\d]+)/);
    if (groups === null || groups.length !== 4) {
        throw new Error(`Can't parse response to 'PASV': ${message}`);
    }
    return {
        host: groups[1].replace(/,/g, "."),
        port: (parseInt(groups[2], 10) & 255) * 256 + (parseInt(groups[3], 10) & 255)
    };
}
function connectForPassiveTransfer(host, port, ftp) {
    return new Promise((resolve, reject) => {
        const rawSocket = ftp._newSocket();
        let socket = rawSocket;
        const handleConnErr = function (err) {
            err.message = "Can't open data connection in passive mode: " + err.message;
            reject(err);
        };
        const handleTimeout = function () {
            socket.destroy();
            reject(new Error(`Timeout when trying to open data connection to ${host}:${port}`));
        };
        socket.setTimeout(ftp.timeout);
        socket.on("error", handleConnErr);
        socket.on("timeout", handleTimeout);
        socket.connect({ port, host, family: ftp.ipFamily }, () => {
            var _a;
            if (ftp.socket instanceof tls_1.TLSSocket) {
                const tlsSocket = (0, tls_1.connect)(Object.assign({}, ftp.tlsOptions, {
                    socket: rawSocket,
                    // Reuse the TLS session negotiated earlier when the control connection
                    // was upgraded. Servers expect this because it provides additional
                    // security: If a completely new session would be negotiated, a hacker
                    // could guess the port and connect to the new data connection before we do
                    // by just starting his/her own TLS session.
                    session: (_a = ftp.tlsSessionStore) !== null && _a !== void 0 ? _a : ftp.socket.getSession()
                }));
                // When the server issues a new session ticket after this data connection's
                // TLS handshake (TLS 1.3 single-use tickets), capture it so the next data
                // connection can present a fresh ticket and resume successfully.
                tlsSocket.on("session", session => { ftp.tlsSessionStore = session; });
                socket = tlsSocket;
                // It's the responsibility of the transfer task to wait until the
                // TLS socket issued the event 'secureConnect'. We can't do this
                // here because some servers will start upgrading after the
                // specific transfer request has been made. List and download don't
                // have to wait for this event because the server sends whenever it
                // is ready. But for upload this has to be taken into account,
                // see the details in the upload() function below.
            }
            // Disable the timeout that was guarding the connection attempt. This has to happen on
            // the socket it was set on: when using TLS, `socket` is by now a wrapper around that
            // socket, and a timeout left running underneath would destroy the data connection
            // during a transfer that is idle for a legitimate reason.
            rawSocket.setTimeout(0);
            // Let the FTPContext listen to errors from now on, remove local handler.
            socket.removeListener("error", handleConnErr);
            socket.removeListener("timeout", handleTimeout);
            ftp.dataSocket = socket;
            resolve();
        });
    });
}
/**
 * Helps resolving/rejecting transfers.
 *
 * This is used internally for all FTP transfers. For example when downloading, the server might confirm
 * with "226 Transfer complete" when in fact the download on the data connection has not finished
 * yet. With all transfers we make sure that a) the result arrived and b) has been confirmed by
 * e.g. the control connection. We just don't know in which order this will happen.
 */
class TransferResolver {
    /**
     * Instantiate a TransferResolver
     */
    constructor(ftp, progress) {
        this.ftp = ftp;
        this.progress = progress;
        this.response = undefined;
        this.dataTransferDone = false;
        this.taskSettled = false;
        this.watchdog = new TransferWatchdog_1.TransferWatchdog();
    }
    /**
     * Mark the beginning of a transfer.
     *
     * @param name - Name of the transfer, usually the filename.
     * @param type - Type of transfer, usually "upload" or "download".
     */
    onDataStart(name, type) {
        // Let the data connection be in charge of tracking timeouts during transfer.
        // The control socket sits idle during this time anyway and might provoke
        // a timeout unnecessarily. The control connection will take care
        // of timeouts again once data transfer is complete or failed.
        if (this.ftp.dataSocket === undefined) {
            throw new Error("Data transfer should start but there is no data connection.");
        }
        this.ftp.socket.setTimeout(0);
        // An inactivity timeout on the data socket would also fire while a slow local source or
        // destination is holding up an otherwise healthy transfer. Watch the transfer instead.
        this.ftp.dataSocket.setTimeout(0);
        this.watchdog.start(this.ftp.dataSocket, type === "upload" ? "upload" : "download", this.ftp.timeout, () => {
            this.ftp.closeWithError(new Error("Timeout (data socket)"));
        });
        this.progress.start(this.ftp.dataSocket, name, type);
    }
    /**
     * The data connection has finished the transfer.
     */
    onDataDone(task) {
        if (this.taskSettled) {
            return;
        }
        this.watchdog.stop();
        this.progress.updateAndStop();
        // Hand-over timeout tracking back to the control connection. It's possible that
        // we don't receive the response over the control connection that the transfer is
        // done. In this case, we want to correctly associate the resulting timeout with
        // the control connection.
        this.ftp.socket.setTimeout(this.ftp.timeout);
        this.dataTransferDone = true;
        this.tryResolve(task);
    }
    /**
     * The control connection reports the transfer as finished.
     */
    onControlDone(task, response) {
        this.response = response;
        this.tryResolve(task);
    }
    /**
     * An error has been reported and the task should be rejected.
     */
    onError(task, err) {
        // A transfer can report a problem more than once, e.g. when the server sends an error
        // response and the stream of the data connection reports the resulting shutdown as an
        // error as well. Only the first one decides the outcome, acting on a later one would
        // interfere with whatever the client is doing by then.
        if (this.taskSettled) {
            return;
        }
        this.taskSettled = true;
        this.watchdog.stop();
        this.progress.updateAndStop();
        this.ftp.socket.setTimeout(this.ftp.timeout);
        this.ftp.dataSocket = undefined;
        task.reject(err);
    }
    /**
     * Control connection sent an unexpected request requiring a response from our part. We
     * can't provide that (because unknown) and have to close the contrext with an error because
     * the FTP server is now caught up in a state we can't resolve.
     */
    onUnexpectedRequest(response) {
        const err = new Error(`Unexpected FTP response is requesting an answer: ${response.message}`);
        this.ftp.closeWithError(err);
    }
    tryResolve(task) {
        // To resolve, we need both control and data connection to report that the transfer is done.
        const canResolve = this.dataTransferDone && this.response !== undefined;
        if (canResolve) {
            this.taskSettled = true;
            this.ftp.dataSocket = undefined;
            task.resolve(this.response);
        }
    }
}
function uploadFrom(source, config) {
    const resolver = new TransferResolver(config.ftp, config.tracker);
    const fullCommand = `${config.command} ${config.remotePath}`;
    // This handler runs for every reply that arrives while the task is active. RFC 959 lists
    // "125" and "150" as alternatives, so a well-behaved server sends exactly one of them, but
    // nothing here enforces that. Let only the first one start the transfer: piping the source
    // into the data connection a second time writes parts of it twice and would silently
    // corrupt the remote file.
    let transferStarted = false;
    return config.ftp.handle(fullCommand, (res, task) => {
        if (res instanceof Error) {
            resolver.onError(task, res);
        }
        else if (res.code === 150 || res.code === 125) { // Ready to upload
            if (transferStarted) {
                return;
            }
            transferStarted = true;
            const dataSocket = config.ftp.dataSocket;
            if (!dataSocket) {
                resolver.onError(task, new Error("Upload should begin but no data connection is available."));
                return;
            }
            // If we are using TLS, we have to wait until the dataSocket issued
            // 'secureConnect'. If this hasn't happened yet, getCipher() returns undefined.
            const canUpload = "getCipher" in dataSocket ? dataSocket.getCipher() !== undefined : true;
            onConditionOrEvent(canUpload, dataSocket, "secureConnect", () => {
                config.ftp.log(`Uploading to ${(0, netUtils_1.describeAddress)(dataSocket)} (${(0, netUtils_1.describeTLS)(dataSocket)})`);
                resolver.onDataStart(config.remotePath, config.type);
                (0, stream_1.pipeline)(source, dataSocket, err => {
                    if (err) {
                        resolver.onError(task, err);
                    }
                    else {
                        resolver.onDataDone(task);
                    }
                });
            });
        }
        else if ((0, parseControlResponse_1.positiveCompletion)(res.code)) { // Transfer complete
            resolver.onControlDone(task, res);
        }
        else if ((0, parseControlResponse_1.positiveIntermediate)(res.code)) {
            resolver.onUnexpectedRequest(res);
        }
        // Ignore all other positive preliminary response codes (< 200)
    });
}
function downloadTo(destination, config) {
    if (!config.ftp.dataSocket) {
        throw new Error("Download will be initiated but no data connection is available.");
    }
    const resolver = new TransferResolver(config.ftp, config.tracker);
    // See the comment in uploadFrom(): only the first preliminary reply may start the transfer.
    let transferStarted = false;
    return config.ftp.handle(config.command, (res, task) => {
        if (res instanceof Error) {
            resolver.onError(task, res);
        }
        else if (res.code === 150 || res.code === 125) { // Ready to download
            if (transferStarted) {
                return;
            }
            transferStarted = true;
            const dataSocket = config.ftp.dataSocket;
            if (!dataSocket) {
                resolver.onError(task, new Error("Download should begin but no data connection is available."));
                return;
            }
            config.ftp.log(`Downloading from ${(0, netUtils_1.describeAddress)(dataSocket)} (${(0, netUtils_1.describeTLS)(dataSocket)})`);
            resolver.onDataStart(config.remotePath, config.type);
            // Keep piping the data connection: TransferWatchdog recognizes a destination that
            // can't keep up by the socket being paused, and only piping does that. Consuming the
            // socket in another way, e.g. by iterating over it, makes the watchdog report a
            // transfer as stalled while it's in fact waiting for us.
            (0, stream_1.pipeline)(dataSocket, destination, err => {
                if (err) {
                    resolver.onError(task, err);
                }
                else {
                    resolver.onDataDone(task);
                }
            });
        }
        else if (res.code === 350) { // Restarting at startAt.
            config.ftp.send("RETR " + config.remotePath);
        }
        else if ((0, parseControlResponse_1.positiveCompletion)(res.code)) { // Transfer complete
            resolver.onControlDone(task, res);
        }
        else if ((0, parseControlResponse_1.positiveIntermediate)(res.code)) {
            resolver.onUnexpectedRequest(res);
        }
        // Ignore all other positive preliminary response codes (< 200)
    });
}
/**
 * Calls a function immediately if a condition is met or subscribes to an event and calls
 * it once the event is emitted.
 *
 * @param condition  The condition to test.
 * @param emitter  The emitter to use if the condition is not met.
 * @param eventName  The event to subscribe to if the condition is not met.
 * @param action  The function to call.
 */
function onConditionOrEvent(condition, emitter, eventName, action) {
    if (condition === true) {
        action();
    }
    else {
        emitter.once(eventName, () => action());
    }
}


/***/ }),

/***/ 4618:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $F: () => (/* binding */ cliLog)
/* harmony export */ });
/* unused harmony exports REDRAW_MS, LINE_MS */
/* harmony import */ var _core_log_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(4325);
/* harmony import */ var _report_progress_text_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(2859);
/**
 * The CLI's log on stderr. On a terminal one progress bar (files, bytes, rate, time left),
 * redrawn at most REDRAW_MS apart, with other lines printed above it; without one (CI logs,
 * pipes) a progress line every LINE_MS and at the end. Levels: --quiet keeps warnings, errors
 * and the last lines; the default adds phases and steps (a terminal shows the bar in place of
 * the per-file steps); --verbose shows every step on a terminal too, and the protocol log.
 */


/** A terminal redraws its bar at most 4 times a second. */
const REDRAW_MS = 250;
/** Without a terminal, a progress line at most this often (and once at the end). */
const LINE_MS = 5000;
/** The words a finished step's line starts with (plan-text.ts): on a terminal the bar says it. */
const STEP_LINE = /^(uploaded|adopted|deleted|created directory|removed directory|removed leftover|wrote the manifest) /;
function cliLog(level, secrets, out = process.stderr, now = Date.now) {
    const live = out.isTTY === true;
    let barShown = false;
    let last;
    let started = 0;
    let drawnAt = -Infinity;
    let ticker;
    const clean = (line) => (0,_core_log_js__WEBPACK_IMPORTED_MODULE_1__/* .redact */ .E$)(line, secrets());
    const clearBar = () => {
        if (barShown)
            out.write('\r\x1b[K');
        barShown = false;
    };
    const draw = () => {
        if (last === undefined)
            return;
        drawnAt = now();
        if (live) {
            // One row: a bar that wrapped would leave its first row behind at each redraw.
            const bar = (0,_report_progress_text_js__WEBPACK_IMPORTED_MODULE_0__/* .progressBar */ .hr)(last, drawnAt - started);
            out.write(`\r\x1b[K${out.columns > 1 ? bar.slice(0, out.columns - 1) : bar}`);
            barShown = true;
        }
        else
            out.write(`Progress: ${(0,_report_progress_text_js__WEBPACK_IMPORTED_MODULE_0__/* .progressFigures */ .ji)(last, drawnAt - started)}\n`);
    };
    const write = (line) => {
        const wasShown = barShown;
        clearBar();
        out.write(clean(line) + '\n');
        // Back below the line, within the redraw limit (else the clock's next tick draws it).
        if (wasShown && now() - drawnAt >= REDRAW_MS)
            draw();
    };
    const stop = () => {
        if (ticker !== undefined)
            clearInterval(ticker);
        ticker = undefined;
    };
    const progress = (p) => {
        if (last === undefined) {
            started = now();
            // Without a terminal, the first line after LINE_MS: '0/400 files' says nothing yet.
            if (!live)
                drawnAt = started;
            // The figures move on while a big file goes: the clock keeps rate and time left current.
            ticker = setInterval(() => now() - drawnAt >= (live ? REDRAW_MS : LINE_MS) && draw(), live ? REDRAW_MS : LINE_MS);
            ticker.unref();
        }
        last = p;
        if (p.files < p.totalFiles) {
            if (now() - drawnAt >= (live ? REDRAW_MS : LINE_MS))
                draw();
            return;
        }
        // The end: the last figures stay in the log, above what follows.
        stop();
        draw();
        if (live)
            out.write('\n');
        barShown = false;
        last = undefined;
    };
    return {
        info: message => {
            if (level === 'quiet' || (level === 'normal' && live && STEP_LINE.test(message)))
                return;
            write(message);
        },
        progress: level === 'quiet' ? undefined : progress,
        warning: message => write(`warning: ${message}`),
        debug: message => {
            if (level === 'verbose')
                write(`debug: ${message}`);
        },
        debugEnabled: level === 'verbose',
        group: async (name, fn) => {
            if (level !== 'quiet')
                write(`== ${name}`);
            return fn();
        },
        always: line => {
            stop();
            clearBar();
            out.write(clean(line) + '\n');
        },
        end: () => {
            stop();
            clearBar();
        }
    };
}


/***/ }),

/***/ 5581:
/***/ ((module, __webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   i: () => (/* binding */ main)
/* harmony export */ });
/* harmony import */ var _deploy_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(4828);
/* harmony import */ var _local_local_plan_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(4326);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(4296);
/* harmony import */ var _config_cli_args_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(7668);
/* harmony import */ var _config_cli_secrets_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(9764);
/* harmony import */ var _config_cli_sources_js__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(6877);
/* harmony import */ var _config_help_js__WEBPACK_IMPORTED_MODULE_6__ = __nccwpck_require__(871);
/* harmony import */ var _config_inputs_js__WEBPACK_IMPORTED_MODULE_7__ = __nccwpck_require__(4389);
/* harmony import */ var _cli_log_js__WEBPACK_IMPORTED_MODULE_8__ = __nccwpck_require__(4618);
/* harmony import */ var _report_report_js__WEBPACK_IMPORTED_MODULE_9__ = __nccwpck_require__(8850);
/* harmony import */ var _report_progress_text_js__WEBPACK_IMPORTED_MODULE_10__ = __nccwpck_require__(2859);
/* harmony import */ var _report_report_file_js__WEBPACK_IMPORTED_MODULE_11__ = __nccwpck_require__(6757);
/* harmony import */ var _config_settings_js__WEBPACK_IMPORTED_MODULE_12__ = __nccwpck_require__(5551);
/* harmony import */ var _signals_js__WEBPACK_IMPORTED_MODULE_14__ = __nccwpck_require__(970);
/* harmony import */ var _config_version_js__WEBPACK_IMPORTED_MODULE_13__ = __nccwpck_require__(8794);
/**
 * The npx entry: argv, FTPS_DEPLOY_* and --config FILE (a flag wins over the environment, which
 * wins over the file), the secrets from their own variables -> the same settings -> the same
 * deploy as the action. Exit status: 0 done, 1 the deploy failed, 2 invalid input or usage.
 */















/** Aborted on SIGINT or SIGTERM once a deploy is under way (a local plan just dies). */
let cancelSignal;
async function main(argv, env) {
    // Every secret the environment holds, whether or not this version reads it, is kept out of the log.
    const secrets = Object.values(_config_cli_secrets_js__WEBPACK_IMPORTED_MODULE_4__/* .SECRET_ENV */ .$).map(variable => env[variable] ?? '');
    let log = (0,_cli_log_js__WEBPACK_IMPORTED_MODULE_8__/* .cliLog */ .$F)('normal', () => secrets);
    const startedAt = new Date();
    try {
        const args = (0,_config_cli_args_js__WEBPACK_IMPORTED_MODULE_3__/* .parseArgs */ .Zy)(argv);
        if (args.help) {
            process.stdout.write((0,_config_help_js__WEBPACK_IMPORTED_MODULE_6__/* .helpText */ .BK)() + '\n');
            return 0;
        }
        if (args.version) {
            process.stdout.write(`ftps-deploy ${_config_version_js__WEBPACK_IMPORTED_MODULE_13__/* .VERSION */ .x}\n`);
            return 0;
        }
        log = (0,_cli_log_js__WEBPACK_IMPORTED_MODULE_8__/* .cliLog */ .$F)(args.quiet ? 'quiet' : args.verbose ? 'verbose' : 'normal', () => secrets);
        const sourced = (0,_config_cli_sources_js__WEBPACK_IMPORTED_MODULE_5__/* .sourceInputs */ .ZU)(args.values, env, args.config);
        for (const warning of sourced.warnings)
            log.warning(warning);
        const read = (name) => (0,_config_cli_secrets_js__WEBPACK_IMPORTED_MODULE_4__/* .isSecret */ .s)(name) ? (env[_config_cli_secrets_js__WEBPACK_IMPORTED_MODULE_4__/* .SECRET_ENV */ .$[name]] ?? '') : (sourced.values[name] ?? '').trim();
        const localOnly = read(_config_inputs_js__WEBPACK_IMPORTED_MODULE_7__/* .Inputs */ .G0.Host) === '';
        const settings = (0,_config_settings_js__WEBPACK_IMPORTED_MODULE_12__/* .parseSettings */ .P)(read, { requireHost: !localOnly });
        if (localOnly && !settings.dryRun) {
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`Invalid host '': expected a server name or IP address (required unless --dry-run)`);
        }
        if (settings.dryRun || args.verbose)
            for (const line of (0,_config_cli_sources_js__WEBPACK_IMPORTED_MODULE_5__/* .describeSources */ .av)(sourced, env))
                log.info(line);
        const result = localOnly
            ? await (0,_local_local_plan_js__WEBPACK_IMPORTED_MODULE_1__/* .planLocal */ .d)(settings, log)
            : await (0,_deploy_js__WEBPACK_IMPORTED_MODULE_0__/* .deploy */ .g)(settings, log, undefined, (cancelSignal = (0,_signals_js__WEBPACK_IMPORTED_MODULE_14__/* .cancelOnSignals */ .dJ)()));
        log.end();
        // No file unless asked for: a terminal has no 1 MB limit to work around (--json holds it all).
        if (settings.reportFile)
            (0,_report_report_file_js__WEBPACK_IMPORTED_MODULE_11__/* .writeReport */ .u5)(settings.reportFile, (0,_report_report_file_js__WEBPACK_IMPORTED_MODULE_11__/* .reportOf */ .EI)(result, settings.host, startedAt, new Date()));
        const outputs = (0,_report_report_js__WEBPACK_IMPORTED_MODULE_9__/* .outputsOf */ .Yz)(result, settings.reportFile ?? '');
        if (args.json)
            process.stdout.write(JSON.stringify(outputs) + '\n');
        // The last lines: on stdout, or beside the log when stdout holds the JSON.
        for (const line of (0,_report_progress_text_js__WEBPACK_IMPORTED_MODULE_10__/* .lastLines */ .w$)(result))
            (args.json ? process.stderr : process.stdout).write(line + '\n');
        return 0;
    }
    catch (err) {
        log.always(`error: ${(0,_core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .describeError */ .Uc)(err)}`);
        return err instanceof _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz ? 2 : 1;
    }
}
/**
 * @actions/glob reports through @actions/core, which writes workflow commands (::debug::) to
 * stdout. In a terminal or behind --json they are noise: send them to stderr under --verbose.
 */
function quietWorkflowCommands(verbose) {
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk, ...rest) => {
        const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString();
        if (!text.startsWith('::'))
            return write(chunk, ...rest);
        if (verbose)
            process.stderr.write(text);
        return true;
    });
}
quietWorkflowCommands(process.argv.includes('--verbose'));
process.exitCode = await main(process.argv.slice(2), process.env);
// A cancelled run has said what it did: it exits now, not when the connections it gave up time out.
if (cancelSignal)
    (0,_signals_js__WEBPACK_IMPORTED_MODULE_14__/* .exitIfCancelled */ .Fo)(cancelSignal, process.exitCode);

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 7668:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Zy: () => (/* binding */ parseArgs),
/* harmony export */   f5: () => (/* binding */ OTHER_FLAGS),
/* harmony export */   nh: () => (/* binding */ FLAG_INPUTS)
/* harmony export */ });
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(4296);
/* harmony import */ var _cli_secrets_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(9764);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(4389);
/* harmony import */ var _suggest_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(2784);
/** The CLI's command line: flags named after the action's inputs, plus --config, --json, --help, --version. */




/** Every input but the secrets: a flag, a key of the config file and an FTPS_DEPLOY_ variable each. */
const FLAG_INPUTS = Object.values(_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .Inputs */ .G0).filter(name => !(0,_cli_secrets_js__WEBPACK_IMPORTED_MODULE_1__/* .isSecret */ .s)(name));
/** The flags that are not inputs, with their help lines. */
const OTHER_FLAGS = {
    json: 'print the outputs as one JSON object on stdout',
    quiet: 'print only warnings, errors and the last lines',
    verbose: 'also each step on a terminal, and the protocol log (the password is never shown)',
    help: 'show this help',
    version: 'print the version'
};
function unknownFlag(name) {
    const meant = (0,_suggest_js__WEBPACK_IMPORTED_MODULE_3__/* .suggestFlag */ .l)(name, [...FLAG_INPUTS, 'config', ...Object.keys(OTHER_FLAGS)]);
    return new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`Unknown option --${name}${meant ? `: did you mean --${meant}?` : ''} (see --help)`);
}
/** Parses `--name value`, `--name=value`, and bare `--flag` for booleans. Throws InputError. */
function parseArgs(argv) {
    const args = { values: {}, json: false, quiet: false, verbose: false, help: false, version: false };
    for (let i = 0; i < argv.length; i++) {
        const token = argv[i];
        const match = /^--([a-z0-9-]+)(?:=([\s\S]*))?$/i.exec(token);
        if (!match)
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`Unexpected argument '${token}': every input is a --flag (see --help)`);
        const [, name, inline] = match;
        if ((0,_cli_secrets_js__WEBPACK_IMPORTED_MODULE_1__/* .isSecret */ .s)(name)) {
            // argv is visible to every user of the machine (ps): the value is never echoed.
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`--${name} is not accepted: pass the ${name} in the ${_cli_secrets_js__WEBPACK_IMPORTED_MODULE_1__/* .SECRET_ENV */ .$[name]} environment variable`);
        }
        if (name === 'config') {
            if (inline === undefined && i + 1 >= argv.length)
                throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('--config needs a file');
            if (args.config !== undefined)
                throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('--config is given twice: name one file');
            args.config = inline ?? argv[++i];
            continue;
        }
        if (Object.prototype.hasOwnProperty.call(OTHER_FLAGS, name)) {
            if (inline !== undefined)
                throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`--${name} takes no value`);
            args[name] = true;
            continue;
        }
        if (!FLAG_INPUTS.includes(name))
            throw unknownFlag(name);
        const input = name;
        let value = inline;
        if (value === undefined) {
            // verify also takes a word: `--verify hash` reads as users mean it.
            if (input === _inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .Inputs */ .G0.Verify && argv[i + 1] === 'hash')
                value = argv[++i];
            else if (_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .BooleanInputs */ .ir.includes(input))
                value = 'true';
            else if (i + 1 < argv.length)
                value = argv[++i];
            else
                throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`--${name} needs a value`);
        }
        // A repeated --files adds patterns, as lines of the action's input do.
        args.values[input] =
            input === _inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .Inputs */ .G0.Files && args.values[input] !== undefined ? `${args.values[input]}\n${value}` : value;
    }
    if (args.quiet && args.verbose)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('--quiet and --verbose ask for opposites: give one');
    return args;
}


/***/ }),

/***/ 9764:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ SECRET_ENV),
/* harmony export */   s: () => (/* binding */ isSecret)
/* harmony export */ });
/**
 * The inputs the CLI takes only from their own environment variable: never from a flag (argv is
 * visible to every user of the machine), a config file (checked in) or FTPS_DEPLOY_<NAME>.
 * `ssh-passphrase` is listed before the SFTP inputs exist so that no layer ever accepts it.
 */
const SECRET_ENV = {
    password: 'FTPS_PASSWORD',
    'ssh-passphrase': 'FTPS_SSH_PASSPHRASE'
};
const isSecret = (name) => Object.prototype.hasOwnProperty.call(SECRET_ENV, name);


/***/ }),

/***/ 6877:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  av: () => (/* binding */ describeSources),
  ZU: () => (/* binding */ sourceInputs)
});

// UNUSED EXPORTS: ENV_PREFIX, envName

// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __nccwpck_require__(4296);
// EXTERNAL MODULE: ./src/config/cli-args.ts
var cli_args = __nccwpck_require__(7668);
// EXTERNAL MODULE: ./src/config/cli-secrets.ts
var cli_secrets = __nccwpck_require__(9764);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __nccwpck_require__(8815);
// EXTERNAL MODULE: ./src/config/suggest.ts
var suggest = __nccwpck_require__(2784);
;// CONCATENATED MODULE: ./src/config/config-file.ts
/**
 * `--config FILE`: a YAML mapping of inputs by the names a workflow's `with:` uses. Parsed with
 * the `yaml` package (failsafe schema: every value is text, as in a workflow); every mistake is one InputError naming the file and
 * the line, and a secret's value is never echoed.
 */





const fail = (file, line, what) => new errors/* InputError */.dz(`Invalid config file ${file}${line === undefined ? '' : ` (line ${line})`}: ${what}`);
/** A value as written (the failsafe schema reads every scalar as text); a plain ~ or null is empty. */
function scalarText(node) {
    const v = node.value;
    if (v === null || v === undefined)
        return '';
    if (typeof v !== 'string')
        return undefined;
    return node.type === 'PLAIN' && /^(~|null|Null|NULL)$/.test(v) ? '' : v;
}
/** Reads FILE; `known` are the input names it may hold (the secrets are refused by name). */
function readConfigFile(file, known) {
    let text;
    try {
        text = (0,external_node_fs_.readFileSync)(file, 'utf8');
    }
    catch (err) {
        throw new errors/* InputError */.dz(`Cannot read config file ${file}: ${err.code ?? String(err)}`);
    }
    const lines = new dist/* LineCounter */.HN();
    // Text, as a workflow's with: passes it: file-mode: 0644 stays 0644, not the number 644.
    const doc = (0,dist/* parseDocument */.Tp)(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, schema: 'failsafe' });
    const lineOf = (offset) => offset === undefined ? undefined : lines.linePos(offset).line;
    if (doc.errors.length > 0) {
        const first = doc.errors[0];
        throw fail(file, lineOf(first.pos[0]), `${first.message.split('\n')[0]}`);
    }
    const values = new Map();
    if (doc.contents === null || ((0,dist/* isScalar */.jn)(doc.contents) && doc.contents.value === null))
        return values;
    if (!(0,dist/* isMap */.jh)(doc.contents)) {
        throw fail(file, lineOf(doc.contents.range?.[0]), 'expected a mapping of input names to values (as under with:)');
    }
    for (const pair of doc.contents.items) {
        const keyNode = pair.key;
        const line = lineOf((0,dist/* isScalar */.jn)(keyNode) ? keyNode.range?.[0] : undefined);
        const name = (0,dist/* isScalar */.jn)(keyNode) ? String(keyNode.value) : '';
        if ((0,cli_secrets/* isSecret */.s)(name)) {
            throw fail(file, line, `${name} is not accepted in a config file: pass it in the ${cli_secrets/* SECRET_ENV */.$[name]} environment variable`);
        }
        if (!known.includes(name)) {
            const meant = (0,suggest/* suggestFlag */.l)(name, known);
            throw fail(file, line, `unknown input '${name}'${meant ? `: did you mean ${meant}?` : ''} (see --help)`);
        }
        const node = pair.value;
        let value;
        if (node === null || (0,dist/* isScalar */.jn)(node))
            value = node === null ? '' : scalarText(node);
        else if ((0,dist/* isSeq */.oP)(node) && node.items.every(item => (0,dist/* isScalar */.jn)(item) && scalarText(item) !== undefined)) {
            // A list, for files: one pattern a line, as the action's multi-line input.
            value = node.items.map(item => scalarText(item)).join('\n');
        }
        if (value === undefined)
            throw fail(file, line, `${name}: expected a text, number or true/false value`);
        values.set(name, { value, line: line ?? 0 });
    }
    return values;
}

// EXTERNAL MODULE: ./src/config/inputs.ts
var inputs = __nccwpck_require__(4389);
;// CONCATENATED MODULE: ./src/config/cli-sources.ts
/**
 * Where the CLI's inputs come from, in the contract's order: a flag wins over FTPS_DEPLOY_<NAME>,
 * which wins over the --config file. Generic over the input list: every input action.yml
 * declares is a key of the file and a variable, the secrets (cli-secrets.ts) in none of them.
 */






const ENV_PREFIX = 'FTPS_DEPLOY_';
/** FTPS_DEPLOY_REMOTE_DIR for remote-dir. */
const envName = (input) => ENV_PREFIX + input.toUpperCase().replace(/-/g, '_');
/** The inputs set in the environment; a secret under FTPS_DEPLOY_ is refused by name. */
function fromEnvironment(env, known, warnings) {
    const found = new Map();
    const byVariable = new Map(known.map(name => [envName(name), name]));
    for (const [variable, value] of Object.entries(env)) {
        if (!variable.startsWith(ENV_PREFIX) || value === undefined)
            continue;
        const secret = Object.keys(cli_secrets/* SECRET_ENV */.$).find(name => envName(name) === variable);
        if (secret !== undefined) {
            throw new errors/* InputError */.dz(`${variable} is not accepted: pass the ${secret} in the ${cli_secrets/* SECRET_ENV */.$[secret]} environment variable`);
        }
        const name = byVariable.get(variable);
        if (name === undefined) {
            const typed = variable.slice(ENV_PREFIX.length).toLowerCase().replace(/_/g, '-');
            const meant = (0,suggest/* suggestFlag */.l)(typed, known);
            warnings.push(`${variable} names no input and is ignored${meant ? `: did you mean ${envName(meant)}?` : ''}`);
            continue;
        }
        // CI systems define variables empty when unset: empty is not given.
        if (value !== '')
            found.set(name, value);
    }
    return found;
}
/** Merges flags, FTPS_DEPLOY_* and the --config file (if any). Throws InputError. */
function sourceInputs(flags, env, configFile) {
    const known = cli_args/* FLAG_INPUTS */.nh;
    const out = { values: {}, sources: {}, warnings: [] };
    const fromFile = configFile === undefined ? new Map() : readConfigFile(configFile, known);
    const fromEnv = fromEnvironment(env, known, out.warnings);
    for (const name of cli_args/* FLAG_INPUTS */.nh) {
        const file = fromFile.get(name);
        if (flags[name] !== undefined) {
            out.values[name] = flags[name];
            out.sources[name] = { kind: 'flag' };
        }
        else if (fromEnv.has(name)) {
            out.values[name] = fromEnv.get(name);
            out.sources[name] = { kind: 'environment', variable: envName(name) };
        }
        else if (file !== undefined) {
            out.values[name] = file.value;
            out.sources[name] = { kind: 'file', file: configFile, line: file.line };
        }
    }
    return out;
}
const sourceText = (s) => s.kind === 'flag' ? 'flag' : s.kind === 'environment' ? `environment ${s.variable}` : `file ${s.file}:${s.line}`;
/** A value on one line, cut short: many patterns stay readable; key text is never shown. */
function shown(value) {
    if (/-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/.test(value))
        return '(private key text, not shown)';
    if (/-----BEGIN /.test(value))
        return `(PEM text, ${value.trim().split('\n').length} lines)`;
    const line = value.trim().replace(/\s*\n\s*/g, ', ');
    return line.length > 60 ? `${line.slice(0, 57)}...` : line;
}
/**
 * 'Inputs: host=ftp.example.com (environment FTPS_DEPLOY_HOST)', one line per value that is not
 * the default, then the secrets as set or not (never their value).
 */
function describeSources(s, env) {
    const lines = cli_args/* FLAG_INPUTS */.nh.filter(name => {
        const value = s.values[name];
        return value !== undefined && value.trim() !== inputs/* InputDefaults */.p0[name];
    }).map(name => `input ${name}: ${shown(s.values[name])} (${sourceText(s.sources[name])})`);
    for (const [name, variable] of Object.entries(cli_secrets/* SECRET_ENV */.$)) {
        const input = Object.values(inputs/* Inputs */.G0).includes(name);
        if (input && (0,cli_secrets/* isSecret */.s)(name) && (env[variable] ?? '') !== '')
            lines.push(`input ${name}: set (environment ${variable})`);
    }
    return lines;
}


/***/ }),

/***/ 871:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  BK: () => (/* binding */ helpText)
});

// UNUSED EXPORTS: DESCRIPTION_INDENT, HELP_WIDTH, wrap

// EXTERNAL MODULE: ./src/config/cli-args.ts
var cli_args = __nccwpck_require__(7668);
// EXTERNAL MODULE: ./src/config/inputs.ts
var inputs = __nccwpck_require__(4389);
;// CONCATENATED MODULE: ./src/config/input-docs.ts
// Generated from action.yml by `npm run docs` (scripts/generate-docs.mjs). Do not edit: a test fails when stale.
const INPUT_DOCS = [
    {
        name: 'host',
        group: 'Connection',
        description: 'Server name or IP address.',
        default: '',
        required: true
    },
    {
        name: 'port',
        group: 'Connection',
        description: 'Control port (1 to 65535). Empty means 21, or 990 with `tls: implicit`.',
        default: '',
        required: false
    },
    {
        name: 'user',
        group: 'Connection',
        description: 'Login name.',
        default: 'anonymous',
        required: false
    },
    {
        name: 'password',
        group: 'Connection',
        description: 'Password (use a secret). Masked at once; with user `anonymous` and no password, `anonymous@` is sent, as ftplib does.',
        default: '',
        required: false
    },
    {
        name: 'account',
        group: 'Connection',
        description: 'Sent with ACCT when the server answers USER/PASS with 332 (RFC 959). A 332 with no account is an error.',
        default: '',
        required: false
    },
    {
        name: 'tls',
        group: 'Connection',
        description: '`explicit`: AUTH TLS on the control port, then PBSZ 0 and PROT P, each required to succeed. `implicit`: TLS from the first byte, then PBSZ 0 and PROT P. `none`: plain FTP (credentials and files travel in clear; warns).',
        default: 'explicit',
        required: false
    },
    {
        name: 'tls-verify',
        group: 'Connection',
        description: 'Verify the certificate chain and host name. `false` is a loud opt-in.',
        default: 'true',
        required: false
    },
    {
        name: 'ca-cert',
        group: 'Connection',
        description: 'PEM text, or a path to a PEM file, trusted in addition to the system CAs.',
        default: '',
        required: false
    },
    {
        name: 'tls-fingerprint',
        group: 'Connection',
        description: 'SHA-256 fingerprint(s) of the server certificate (hex, colons optional, optional `sha256:` prefix; several separated by commas or newlines). A match is trusted even when self-signed; a mismatch always fails.',
        default: '',
        required: false
    },
    {
        name: 'tls-servername',
        group: 'Connection',
        description: 'Name sent as SNI and checked against the certificate. Empty means `host`.',
        default: '',
        required: false
    },
    {
        name: 'tls-max-version',
        group: 'Connection',
        description: '`1.2` caps the TLS version (escape hatch for servers whose TLS 1.3 data connections lose bytes). Empty means no cap.',
        default: '',
        required: false
    },
    {
        name: 'encoding',
        group: 'Connection',
        description: 'Encoding of file and directory names on the wire: `utf-8` or `latin1`.',
        default: 'utf-8',
        required: false
    },
    {
        name: 'timeout',
        group: 'Connection',
        description: 'Seconds for connecting and for an idle control or data connection; a number above 0.',
        default: '30',
        required: false
    },
    {
        name: 'source-address',
        group: 'Connection',
        description: 'Local IP address to bind control and data sockets to.',
        default: '',
        required: false
    },
    {
        name: 'local-dir',
        group: 'What to upload',
        description: "Local root; remote paths are the files' paths relative to it.",
        default: '.',
        required: false
    },
    {
        name: 'files',
        group: 'What to upload',
        description: 'Newline-separated glob patterns relative to `local-dir`; a leading `!` excludes. Only regular files are uploaded; nothing outside `local-dir` is ever uploaded.',
        default: '**',
        required: false
    },
    {
        name: 'remote-dir',
        group: 'What to upload',
        description: 'Remote target directory, created with its parents as needed.',
        default: '.',
        required: false
    },
    {
        name: 'if-no-files-found',
        group: 'What to upload',
        description: '`error`, `warn` or `ignore` when the patterns match no file.',
        default: 'error',
        required: false
    },
    {
        name: 'follow-symlinks',
        group: 'What to upload',
        description: "`false`: symbolic links are skipped with a warning naming them. `true`: a link is uploaded as its target's content, only if the target lies inside `local-dir`.",
        default: 'false',
        required: false
    },
    {
        name: 'sync',
        group: 'Sync',
        description: '`changed`: a content-hash manifest stored on the server decides what to upload. `all`: upload every matched file.',
        default: 'changed',
        required: false
    },
    {
        name: 'manifest',
        group: 'Sync',
        description: "The manifest's file name inside `remote-dir`.",
        default: '.ftps-deploy-manifest.json',
        required: false
    },
    {
        name: 'delete',
        group: 'Sync',
        description: 'Delete remote files that the previous manifest lists and the new file set lacks. Files the manifest never listed are never deleted.',
        default: 'false',
        required: false
    },
    {
        name: 'dry-run',
        group: 'Sync',
        description: 'Connect, log in, read the manifest and the listing, report the plan and the outputs it would set; change nothing on the server.',
        default: 'false',
        required: false
    },
    {
        name: 'adopt',
        group: 'Sync',
        description: "What to do with a file that the manifest does not vouch for but the server already holds at the same size (a first deploy onto a site that is already there, a lost manifest). `auto`: compare content with the server's own hash command where FEAT offers one (HASH, XSHA256, XSHA512, XSHA1, XMD5), else upload it. `download`: download it and compare hashes (exact, costs the download). `size`: trust an equal size (fast; warns that edits keeping the size are missed). `none`: upload it. An adopted file is recorded in the manifest and counted in `files-skipped`.",
        default: 'auto',
        required: false
    },
    {
        name: 'lock',
        group: 'Sync',
        description: 'Take a lock on `remote-dir` for the run (a `.ftps-deploy.lock` directory made with MKD, which fails if it exists), so two deploys to the same place never interleave. Released at the end, on failure and on cancel; a lock whose holder stopped renewing it for a minute is broken with a warning. A dry run takes none and reports one that is held.',
        default: 'true',
        required: false
    },
    {
        name: 'lock-timeout',
        group: 'Sync',
        description: "Seconds to wait for another run's lock before failing, naming the holder (its run and since when); `0` fails at once.",
        default: '600',
        required: false
    },
    {
        name: 'cutover',
        group: 'Going live',
        description: 'When uploaded files become what visitors get. `end`: every new and changed file is uploaded and checked under a temporary name first, then all go live in one burst of renames (new files, then replacements), then deletions; a run that fails or is cancelled before the burst changes nothing visitors see. `file`: each file goes live as soon as it is checked (new, then replaced, then deleted). `swap`: the whole `remote-dir` switches at once: a spare copy `<remote-dir>.ftps-deploy-next` is brought up to date, then `remote-dir` becomes `<remote-dir>.ftps-deploy-prev` and the spare copy `remote-dir` in one write (the server must rename directories). With `atomic: false` only `file` applies.',
        default: 'end',
        required: false
    },
    {
        name: 'rollback',
        group: 'Going live',
        description: 'With `cutover: swap`: put the previous release back in one write and upload nothing; fails clearly when there is no previous release.',
        default: 'false',
        required: false
    },
    {
        name: 'max-delete',
        group: 'Going live',
        description: 'The most files one run may delete: a number, or a percentage of the files the manifest lists. A plan that would delete more than that, and more than 10 files, fails before anything changes, naming the count and the limit; a dry run says the same. `100%` means no limit.',
        default: '50%',
        required: false
    },
    {
        name: 'concurrency',
        group: 'Transfer',
        description: 'Parallel connections, each with its own control connection and TLS session (1 to 16).',
        default: '4',
        required: false
    },
    {
        name: 'retries',
        group: 'Transfer',
        description: 'Per-file retries after transient failures, with reconnect and backoff (0 to 100).',
        default: '3',
        required: false
    },
    {
        name: 'atomic',
        group: 'Transfer',
        description: 'Upload to a temporary name in the same directory, then rename over the target.',
        default: 'true',
        required: false
    },
    {
        name: 'verify',
        group: 'Transfer',
        description: "`true`: compare the remote size (SIZE, or the listing) with the local size after each upload. `hash`: also compare the server's hash of each uploaded file (HASH, XSHA256, XSHA512, XSHA1 or XMD5) with the hash of the bytes sent, before the rename; a mismatch is retried like a short upload. Where FEAT offers no hash command it warns once and checks sizes only. `false`: neither.",
        default: 'true',
        required: false
    },
    {
        name: 'file-mode',
        group: 'Transfer',
        description: "Octal mode such as `644` set on every uploaded file with `SITE CHMOD` (before the rename, so the file appears with it). Empty leaves the server's default. A server that refuses fails the run, naming the reply.",
        default: '',
        required: false
    },
    {
        name: 'dir-mode',
        group: 'Transfer',
        description: 'The same for every directory the run creates, such as `755`.',
        default: '',
        required: false
    },
    {
        name: 'listing',
        group: 'Transfer',
        description: 'What the `listing` output holds: `flat` (entries of `remote-dir`), `recursive`, or `none`.',
        default: 'flat',
        required: false
    },
    {
        name: 'report-file',
        group: 'Transfer',
        description: 'Where to write the whole result as JSON (uploaded, skipped, adopted, deleted, listing, timings). Empty: a file under `RUNNER_TEMP` in the action, none in the CLI.',
        default: '',
        required: false
    }
];

// EXTERNAL MODULE: ./src/config/version.ts
var version = __nccwpck_require__(8794);
;// CONCATENATED MODULE: ./src/config/help.ts
/**
 * The CLI's --help: every flag with what it means and accepts, from src/input-docs.ts (generated
 * from action.yml, like the README's tables), grouped as the README groups the inputs.
 */




/** Terminals of 100 columns show every line unbroken. */
const HELP_WIDTH = 100;
/** Descriptions are indented under their flag by this much. */
const DESCRIPTION_INDENT = 6;
/** Breaks text into lines of at most `width` columns at spaces (a longer word keeps its own line). */
function wrap(text, width, indent) {
    const lines = [];
    let line = '';
    for (const word of text.split(/\s+/).filter(w => w !== '')) {
        if (line !== '' && indent + line.length + 1 + word.length > width) {
            lines.push(' '.repeat(indent) + line);
            line = word;
        }
        else
            line = line === '' ? word : `${line} ${word}`;
    }
    if (line !== '')
        lines.push(' '.repeat(indent) + line);
    return lines;
}
/** What the CLI says on the flag's own line, after its name: the default, or how it is needed. */
function flagNote(doc) {
    if (doc.name === inputs/* Inputs */.G0.Host)
        return '  (required, except for a local --dry-run)';
    if (doc.name === inputs/* Inputs */.G0.ReportFile)
        return '  (default: none)';
    return doc.default === '' ? '' : `  (default: ${doc.default.replace(/\n/g, ' ')})`;
}
function flagLines(doc) {
    const name = doc.name;
    const value = name === inputs/* Inputs */.G0.Verify ? '[=false|hash]' : inputs/* BooleanInputs */.ir.includes(name) ? '[=false]' : ' VALUE';
    return [`  --${name}${value}${flagNote(doc)}`, ...wrap(doc.description, HELP_WIDTH, DESCRIPTION_INDENT)];
}
const EXAMPLES = [
    'Examples:',
    '  # Type the password once; it stays out of the shell history and off the command line.',
    '  read -rs FTPS_PASSWORD && export FTPS_PASSWORD',
    '',
    '  # The plan: what would be uploaded and deleted; nothing changes on the server.',
    '  npx ftps-deploy --host ftp.example.com --user deploy --local-dir dist --remote-dir /www \\',
    '    --dry-run',
    '',
    '  # Deploy, and delete the files that earlier runs deployed and this build lacks.',
    '  npx ftps-deploy --host ftp.example.com --user deploy --local-dir dist --remote-dir /www \\',
    '    --delete',
    '',
    '  # Pin a self-signed certificate by its SHA-256 fingerprint (the tls-fingerprint output).',
    '  npx ftps-deploy --host ftp.example.com --user deploy --local-dir dist --remote-dir /www \\',
    '    --tls-fingerprint F91EC90467AA39CEDA02288FDA9D83C77E1937F1489F62909BBE2F4CAC56D93F',
    '',
    '  # Inputs from a YAML file and the environment (a flag would win over both).',
    '  FTPS_DEPLOY_REMOTE_DIR=/staging npx ftps-deploy --config deploy.yml --dry-run',
    '',
    '  # The local plan only, without a server: which files, under which remote paths.',
    '  npx ftps-deploy --local-dir dist --dry-run'
];
function helpText() {
    const docs = INPUT_DOCS.filter(doc => cli_args/* FLAG_INPUTS */.nh.includes(doc.name));
    const groups = [...new Set(docs.map(doc => doc.group))];
    return [
        `ftps-deploy ${version/* VERSION */.x}: deploy files to an FTP server over verified TLS`,
        '',
        'Usage: npx ftps-deploy --host HOST [--user USER] [--local-dir DIR] [--remote-dir DIR] [flags]',
        '       npx ftps-deploy --config FILE [flags]',
        '',
        'Every flag is an input of the GitHub Action, with the same name and meaning: --name VALUE or',
        '--name=VALUE. A boolean flag alone means true (--dry-run); --atomic=false turns one off.',
        'Repeat --files for several patterns. The password is read from the FTPS_PASSWORD environment',
        'variable, never from a flag, a config file or an FTPS_DEPLOY_ variable.',
        '',
        'Every input can also be set in the environment as FTPS_DEPLOY_<NAME> (upper case, hyphens as',
        'underscores: FTPS_DEPLOY_REMOTE_DIR), or in a YAML file given with --config FILE, with the',
        "names of a workflow's with: (remote-dir: /www). A flag wins over the environment, which wins",
        'over the file. A dry run first says where each value that is not the default came from.',
        ...groups.flatMap(group => ['', `${group}:`, ...docs.filter(doc => doc.group === group).flatMap(flagLines)]),
        '',
        'Other flags:',
        `  --${'config FILE'.padEnd(14)}read inputs from a YAML file (see above)`,
        ...Object.entries(cli_args/* OTHER_FLAGS */.f5).map(([name, text]) => `  --${name.padEnd(14)}${text}`),
        '',
        'Exit status: 0 done, 1 the deploy failed, 2 invalid input or usage.',
        '',
        ...EXAMPLES
    ].join('\n');
}


/***/ }),

/***/ 4389:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   G0: () => (/* binding */ Inputs),
/* harmony export */   ir: () => (/* binding */ BooleanInputs),
/* harmony export */   p0: () => (/* binding */ InputDefaults),
/* harmony export */   tY: () => (/* binding */ Outputs)
/* harmony export */ });
/**
 * Every input's name and default, in one place shared by action.yml (checked by a test),
 * the action, the CLI and the tests. Names and defaults are the contract
 * (../shared/CONTRACT.md): renaming one breaks users' workflows.
 */
const Inputs = {
    Host: 'host',
    Port: 'port',
    User: 'user',
    Password: 'password',
    Account: 'account',
    Tls: 'tls',
    TlsVerify: 'tls-verify',
    CaCert: 'ca-cert',
    TlsFingerprint: 'tls-fingerprint',
    TlsServername: 'tls-servername',
    TlsMaxVersion: 'tls-max-version',
    Encoding: 'encoding',
    Timeout: 'timeout',
    SourceAddress: 'source-address',
    LocalDir: 'local-dir',
    Files: 'files',
    RemoteDir: 'remote-dir',
    IfNoFilesFound: 'if-no-files-found',
    FollowSymlinks: 'follow-symlinks',
    Sync: 'sync',
    Manifest: 'manifest',
    Delete: 'delete',
    DryRun: 'dry-run',
    Adopt: 'adopt',
    Lock: 'lock',
    LockTimeout: 'lock-timeout',
    Concurrency: 'concurrency',
    Retries: 'retries',
    Atomic: 'atomic',
    Verify: 'verify',
    FileMode: 'file-mode',
    DirMode: 'dir-mode',
    Listing: 'listing',
    ReportFile: 'report-file',
    Cutover: 'cutover',
    Rollback: 'rollback',
    MaxDelete: 'max-delete'
};
/** Defaults as action.yml declares them ('' = no default there). */
const InputDefaults = {
    host: '',
    port: '',
    user: 'anonymous',
    password: '',
    account: '',
    tls: 'explicit',
    'tls-verify': 'true',
    'ca-cert': '',
    'tls-fingerprint': '',
    'tls-servername': '',
    'tls-max-version': '',
    encoding: 'utf-8',
    timeout: '30',
    'source-address': '',
    'local-dir': '.',
    files: '**',
    'remote-dir': '.',
    'if-no-files-found': 'error',
    'follow-symlinks': 'false',
    sync: 'changed',
    manifest: '.ftps-deploy-manifest.json',
    delete: 'false',
    'dry-run': 'false',
    adopt: 'auto',
    lock: 'true',
    'lock-timeout': '600',
    concurrency: '4',
    retries: '3',
    atomic: 'true',
    verify: 'true',
    'file-mode': '',
    'dir-mode': '',
    listing: 'flat',
    'report-file': '',
    cutover: 'end',
    rollback: 'false',
    'max-delete': '50%'
};
/** Inputs that take true/false (verify also takes hash: `--verify` alone still means true). */
const BooleanInputs = [
    Inputs.TlsVerify,
    Inputs.FollowSymlinks,
    Inputs.Delete,
    Inputs.DryRun,
    Inputs.Lock,
    Inputs.Atomic,
    Inputs.Verify,
    Inputs.Rollback
];
const Outputs = {
    Listing: 'listing',
    Uploaded: 'uploaded',
    FilesUploaded: 'files-uploaded',
    FilesSkipped: 'files-skipped',
    FilesDeleted: 'files-deleted',
    BytesUploaded: 'bytes-uploaded',
    TlsFingerprint: 'tls-fingerprint',
    ReportFile: 'report-file'
};


/***/ }),

/***/ 5551:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  P: () => (/* binding */ parseSettings)
});

// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __nccwpck_require__(7030);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __nccwpck_require__(4296);
// EXTERNAL MODULE: ./src/config/inputs.ts
var inputs = __nccwpck_require__(4389);
;// CONCATENATED MODULE: ./src/config/input-parsers.ts
/**
 * One parser per kind of input value: each throws InputError naming the input, the value (never
 * a secret) and what is accepted. settings.ts puts them together.
 */





/** Shows a value in an error message with control characters made visible. */
function show(value) {
    const visible = JSON.stringify(value).slice(1, -1).replace(/\\"/g, '"');
    return `'${visible}'`;
}
function invalid(name, value, expected) {
    return new errors/* InputError */.dz(`Invalid ${name} ${show(value)}: expected ${expected}`);
}
const CONTROL_CHARS = /[\r\n\0]/;
function oneOf(name, value, accepted) {
    const found = Object.prototype.hasOwnProperty.call(accepted, value) ? accepted[value] : undefined;
    if (found === undefined) {
        const names = [...new Set(Object.keys(accepted))].map(k => `'${k}'`);
        throw invalid(name, value, `one of ${names.join(', ')}`);
    }
    return found;
}
/** Exactly what core.getBooleanInput accepts (YAML 1.2 core schema), nothing else. */
function parseBoolean(name, value) {
    if (['true', 'True', 'TRUE'].includes(value))
        return true;
    if (['false', 'False', 'FALSE'].includes(value))
        return false;
    throw invalid(name, value, 'true or false (also True, TRUE, False, FALSE)');
}
function parseInteger(name, value, min, max, what) {
    const n = /^\d+$/.test(value) ? Number(value) : NaN;
    if (!Number.isSafeInteger(n) || n < min || n > max) {
        throw invalid(name, value, `${what} from ${min} to ${max}`);
    }
    return n;
}
function parseTimeoutMs(value) {
    const seconds = /^\d+(\.\d+)?$/.test(value) ? Number(value) : NaN;
    // ftplib treats 0 as "non-blocking", which makes no sense for a deploy: an input error.
    if (!(seconds > 0) || seconds > 86400) {
        throw invalid(inputs/* Inputs */.G0.Timeout, value, 'a number of seconds above 0 (at most 86400)');
    }
    return Math.max(1, Math.round(seconds * 1000));
}
function noControlChars(name, value) {
    if (CONTROL_CHARS.test(value))
        throw invalid(name, value, 'no CR, LF or NUL characters');
    return value;
}
function parseHost(value, required) {
    if (value === '' && !required)
        return '';
    if (value === '')
        throw invalid(inputs/* Inputs */.G0.Host, value, 'a server name or IP address (required)');
    if (/\s|[\0/]/.test(value))
        throw invalid(inputs/* Inputs */.G0.Host, value, 'a server name or IP address without spaces or slashes');
    return value.startsWith('[') && value.endsWith(']') ? value.slice(1, -1) : value;
}
function parsePassword(raw, user) {
    if (CONTROL_CHARS.test(raw)) {
        throw new errors/* InputError */.dz(`Invalid ${inputs/* Inputs */.G0.Password} (value not shown): expected no CR, LF or NUL characters`);
    }
    // ftplib sends 'anonymous@' for an anonymous login without a password.
    return raw === '' && user === 'anonymous' ? 'anonymous@' : raw;
}
/** Normalises one or more SHA-256 fingerprints to colon-separated uppercase hex. */
function parseFingerprints(value) {
    return value
        .split(/[,\n]/)
        .map(part => part.trim())
        .filter(part => part !== '')
        .map(part => {
        const hex = part.replace(/^sha-?256:/i, '').replace(/:/g, '');
        if (!/^[0-9a-fA-F]{64}$/.test(hex)) {
            throw invalid(inputs/* Inputs */.G0.TlsFingerprint, part, 'a SHA-256 fingerprint: 64 hex digits, colons optional, optional sha256: prefix');
        }
        return hex.toUpperCase().match(/../g).join(':');
    });
}
const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;
/** Accepts PEM text or a path to a PEM file; every certificate in it must parse. */
function parseCaCert(value, cwd) {
    if (value === '')
        return undefined;
    let pem = value;
    if (!value.includes('-----BEGIN')) {
        const path = (0,external_node_path_.resolve)(cwd, value);
        if (!(0,external_node_fs_.existsSync)(path) || !(0,external_node_fs_.statSync)(path).isFile()) {
            throw invalid(inputs/* Inputs */.G0.CaCert, value, 'PEM text or the path of a readable PEM file (no such file)');
        }
        pem = (0,external_node_fs_.readFileSync)(path, 'utf8');
    }
    const blocks = pem.match(PEM_BLOCK) ?? [];
    const shown = value.includes('-----BEGIN') ? '<PEM text>' : value;
    if (blocks.length === 0)
        throw invalid(inputs/* Inputs */.G0.CaCert, shown, 'PEM text or a PEM file with at least one CERTIFICATE block');
    for (const block of blocks) {
        try {
            new external_node_crypto_.X509Certificate(block);
        }
        catch {
            throw invalid(inputs/* Inputs */.G0.CaCert, shown, 'valid PEM certificates (one does not parse)');
        }
    }
    return blocks.join('\n') + '\n';
}
function parseTlsMaxVersion(value) {
    if (value === '')
        return undefined;
    return oneOf(inputs/* Inputs */.G0.TlsMaxVersion, value, { '1.2': 'TLSv1.2', '1.3': 'TLSv1.3' });
}
function parseLocalDir(value, cwd) {
    const dir = (0,external_node_path_.resolve)(cwd, value);
    if (!(0,external_node_fs_.existsSync)(dir))
        throw invalid(inputs/* Inputs */.G0.LocalDir, value, 'an existing directory (not found)');
    if (!(0,external_node_fs_.statSync)(dir).isDirectory())
        throw invalid(inputs/* Inputs */.G0.LocalDir, value, 'a directory (this is a file)');
    return dir;
}
function parsePatterns(value) {
    const patterns = value
        .split('\n')
        .map(line => line.trim())
        .filter(line => line !== '' && !line.startsWith('#'));
    for (const pattern of patterns) {
        const body = pattern.replace(/^!/, '');
        noControlChars(inputs/* Inputs */.G0.Files, pattern);
        if ((0,external_node_path_.isAbsolute)(body) || body.split(/[\\/]/).includes('..')) {
            throw invalid(inputs/* Inputs */.G0.Files, pattern, 'patterns relative to local-dir, without .. segments');
        }
    }
    if (!patterns.some(p => !p.startsWith('!'))) {
        throw invalid(inputs/* Inputs */.G0.Files, value, 'at least one pattern that is not an exclude (!)');
    }
    return patterns;
}
function parseRemoteDir(value) {
    noControlChars(inputs/* Inputs */.G0.RemoteDir, value);
    if (value.split(/[\\/]/).includes('..')) {
        throw invalid(inputs/* Inputs */.G0.RemoteDir, value, 'a directory path without .. segments');
    }
    // Remote paths use '/': a Windows server reads a backslash as a separator, others as part of a name.
    if (value.includes('\\'))
        throw invalid(inputs/* Inputs */.G0.RemoteDir, value, "a directory path with '/' separators (no '\\')");
    return value;
}
function parseMode(name, value) {
    if (value === '')
        return undefined;
    if (!/^[0-7]{3,4}$/.test(value))
        throw invalid(name, value, '3 or 4 octal digits such as 644 or 0755 (or empty)');
    return value;
}
function parseManifestName(value) {
    if (CONTROL_CHARS.test(value) || /[\\/]/.test(value) || value === '.' || value === '..') {
        throw invalid(inputs/* Inputs */.G0.Manifest, value, 'a plain file name (no slashes, CR, LF or NUL)');
    }
    return value;
}
function parseAdopt(value) {
    if (value === 'auto' || value === 'download' || value === 'size' || value === 'none')
        return value;
    throw invalid(inputs/* Inputs */.G0.Adopt, value, 'auto, download, size or none');
}
/** verify: the booleans core.getBooleanInput accepts, or hash (size checks, then the server's hash). */
function parseVerify(value) {
    if (value === 'hash')
        return { size: true, hash: true };
    if (['true', 'True', 'TRUE', 'false', 'False', 'FALSE'].includes(value)) {
        const on = parseBoolean(inputs/* Inputs */.G0.Verify, value);
        return { size: on, hash: false };
    }
    throw invalid(inputs/* Inputs */.G0.Verify, value, 'true, false or hash (also True, TRUE, False, FALSE)');
}
/** max-delete: a whole number of files, or a percentage (`50%`, `12.5%`) of those the manifest lists. */
function parseMaxDelete(value) {
    const percent = /^(\d+(?:\.\d+)?)%$/.exec(value);
    if (percent !== null && Number(percent[1]) <= 100)
        return { percent: Number(percent[1]) };
    if (/^\d+$/.test(value) && Number.isSafeInteger(Number(value)))
        return { count: Number(value) };
    throw invalid(inputs/* Inputs */.G0.MaxDelete, value, 'a whole number of files, or a percentage from 0% to 100% (100% = no limit)');
}
/**
 * cutover with what it depends on: `atomic: false` leaves only `file` (a default `end` becomes
 * `file`; `end` or `swap` asked for is bad input), and `rollback` needs `swap`.
 */
function parseCutover(value, given, atomic, rollback) {
    const cutover = oneOf(inputs/* Inputs */.G0.Cutover, value, { end: 'end', file: 'file', swap: 'swap' });
    if (!atomic && cutover !== 'file') {
        if (given)
            throw invalid(inputs/* Inputs */.G0.Cutover, value, "'file' with atomic: false (end and swap go live by renames)");
        return 'file';
    }
    if (rollback && cutover !== 'swap') {
        throw invalid(inputs/* Inputs */.G0.Rollback, 'true', `false unless cutover is 'swap' (cutover is '${cutover}')`);
    }
    return cutover;
}

;// CONCATENATED MODULE: ./src/config/settings.ts
/**
 * Every input parsed and validated once, into one typed object. Nothing below the entry
 * points reads inputs again. Validation throws InputError naming the input, the value
 * (never a secret) and what is accepted, before any connection is made.
 */




/** Reads, validates and normalises every input. Throws InputError on the first bad one. */
function parseSettings(read, options = {}) {
    const cwd = options.cwd ?? process.cwd();
    const get = (name) => {
        const value = read(name);
        return value === '' ? inputs/* InputDefaults */.p0[name] : value;
    };
    const bool = (name) => parseBoolean(name, get(name));
    const host = parseHost(get(inputs/* Inputs */.G0.Host), options.requireHost ?? true);
    const tls = oneOf(inputs/* Inputs */.G0.Tls, get(inputs/* Inputs */.G0.Tls), { explicit: 'explicit', implicit: 'implicit', none: 'none' });
    const portText = get(inputs/* Inputs */.G0.Port);
    const user = noControlChars(inputs/* Inputs */.G0.User, get(inputs/* Inputs */.G0.User));
    const sourceAddress = get(inputs/* Inputs */.G0.SourceAddress);
    if (sourceAddress !== '' && (0,external_node_net_.isIP)(sourceAddress) === 0) {
        throw invalid(inputs/* Inputs */.G0.SourceAddress, sourceAddress, 'an IPv4 or IPv6 address of this machine');
    }
    const servername = get(inputs/* Inputs */.G0.TlsServername);
    if (/\s|\0/.test(servername))
        throw invalid(inputs/* Inputs */.G0.TlsServername, servername, 'a host name without spaces');
    const reportFile = noControlChars(inputs/* Inputs */.G0.ReportFile, get(inputs/* Inputs */.G0.ReportFile));
    const verify = parseVerify(get(inputs/* Inputs */.G0.Verify));
    const atomic = bool(inputs/* Inputs */.G0.Atomic);
    const rollback = bool(inputs/* Inputs */.G0.Rollback);
    const cutover = parseCutover(get(inputs/* Inputs */.G0.Cutover), read(inputs/* Inputs */.G0.Cutover) !== '', atomic, rollback);
    return {
        host,
        port: portText === ''
            ? tls === 'implicit'
                ? 990
                : 21
            : parseInteger(inputs/* Inputs */.G0.Port, portText, 1, 65535, 'a port number'),
        user,
        password: parsePassword(read(inputs/* Inputs */.G0.Password), user),
        account: noControlChars(inputs/* Inputs */.G0.Account, get(inputs/* Inputs */.G0.Account)),
        tls,
        tlsVerify: bool(inputs/* Inputs */.G0.TlsVerify),
        caCert: parseCaCert(get(inputs/* Inputs */.G0.CaCert), cwd),
        tlsFingerprints: parseFingerprints(get(inputs/* Inputs */.G0.TlsFingerprint)),
        tlsServername: servername === '' ? host : servername,
        tlsMaxVersion: parseTlsMaxVersion(get(inputs/* Inputs */.G0.TlsMaxVersion)),
        encoding: oneOf(inputs/* Inputs */.G0.Encoding, get(inputs/* Inputs */.G0.Encoding), {
            'utf-8': 'utf8',
            utf8: 'utf8',
            latin1: 'latin1'
        }),
        timeoutMs: parseTimeoutMs(get(inputs/* Inputs */.G0.Timeout)),
        sourceAddress: sourceAddress === '' ? undefined : sourceAddress,
        localDir: parseLocalDir(get(inputs/* Inputs */.G0.LocalDir), cwd),
        files: parsePatterns(get(inputs/* Inputs */.G0.Files)),
        remoteDir: parseRemoteDir(get(inputs/* Inputs */.G0.RemoteDir)),
        ifNoFilesFound: oneOf(inputs/* Inputs */.G0.IfNoFilesFound, get(inputs/* Inputs */.G0.IfNoFilesFound), {
            error: 'error',
            warn: 'warn',
            ignore: 'ignore'
        }),
        followSymlinks: bool(inputs/* Inputs */.G0.FollowSymlinks),
        sync: oneOf(inputs/* Inputs */.G0.Sync, get(inputs/* Inputs */.G0.Sync), { changed: 'changed', all: 'all' }),
        manifest: parseManifestName(get(inputs/* Inputs */.G0.Manifest)),
        delete: bool(inputs/* Inputs */.G0.Delete),
        dryRun: bool(inputs/* Inputs */.G0.DryRun),
        adopt: parseAdopt(get(inputs/* Inputs */.G0.Adopt)),
        lock: bool(inputs/* Inputs */.G0.Lock),
        lockTimeoutMs: parseInteger(inputs/* Inputs */.G0.LockTimeout, get(inputs/* Inputs */.G0.LockTimeout), 0, 86400, 'a whole number of seconds') * 1000,
        concurrency: parseInteger(inputs/* Inputs */.G0.Concurrency, get(inputs/* Inputs */.G0.Concurrency), 1, 16, 'a whole number of connections'),
        retries: parseInteger(inputs/* Inputs */.G0.Retries, get(inputs/* Inputs */.G0.Retries), 0, 100, 'a whole number of retries'),
        atomic,
        verify: verify.size,
        verifyHash: verify.hash,
        fileMode: parseMode(inputs/* Inputs */.G0.FileMode, get(inputs/* Inputs */.G0.FileMode)),
        dirMode: parseMode(inputs/* Inputs */.G0.DirMode, get(inputs/* Inputs */.G0.DirMode)),
        reportFile: reportFile === '' ? undefined : (0,external_node_path_.resolve)(cwd, reportFile),
        listing: oneOf(inputs/* Inputs */.G0.Listing, get(inputs/* Inputs */.G0.Listing), {
            flat: 'flat',
            recursive: 'recursive',
            none: 'none'
        }),
        cutover,
        rollback,
        maxDelete: parseMaxDelete(get(inputs/* Inputs */.G0.MaxDelete))
    };
}


/***/ }),

/***/ 2784:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   l: () => (/* binding */ suggestFlag)
/* harmony export */ });
/* unused harmony export editDistance */
/** "Did you mean": the closest known name to a mistyped one, if one is close enough. */
/** Edits between a and b: insertions, deletions, substitutions and swaps of neighbours (OSA). */
function editDistance(a, b) {
    const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
    for (let j = 1; j <= b.length; j++)
        d[0][j] = j;
    for (let i = 1; i <= a.length; i++) {
        for (let j = 1; j <= b.length; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
                d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
            }
        }
    }
    return d[a.length][b.length];
}
/**
 * The known name meant by `typed`: the only one it is a prefix of (`--remote` for
 * `--remote-dir`), else the nearest within a third of its length (at least 1 edit, at most 3),
 * provided no other is as near. undefined when nothing is close or the choice is not clear.
 */
function suggestFlag(typed, known) {
    const lower = typed.toLowerCase();
    if (known.includes(lower))
        return lower;
    const prefixed = known.filter(name => name.startsWith(lower));
    if (lower.length >= 3 && prefixed.length === 1)
        return prefixed[0];
    const limit = Math.min(3, Math.max(1, Math.floor(lower.length / 3)));
    const scored = known
        .map(name => ({ name, distance: editDistance(lower, name) }))
        .sort((x, y) => x.distance - y.distance);
    if (scored.length === 0 || scored[0].distance > limit)
        return undefined;
    if (scored.length > 1 && scored[1].distance === scored[0].distance)
        return undefined;
    return scored[0].name;
}


/***/ }),

/***/ 8794:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   x: () => (/* binding */ VERSION)
/* harmony export */ });
/** The package version, kept equal to package.json's by a test (the CLI bundle has no package.json to read). */
const VERSION = '0.1.0';


/***/ }),

/***/ 4296:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $x: () => (/* binding */ incomplete),
/* harmony export */   Uc: () => (/* binding */ describeError),
/* harmony export */   cc: () => (/* binding */ CancelledError),
/* harmony export */   dz: () => (/* binding */ InputError),
/* harmony export */   sH: () => (/* binding */ DeployError),
/* harmony export */   vO: () => (/* binding */ ReplyError)
/* harmony export */ });
/** Bad input: the run ends with exit code 2 before any connection is made. */
class InputError extends Error {
    constructor(message) {
        super(message);
        this.name = 'InputError';
    }
}
/** A deploy failure (exit code 1). The message names the file, command and reply. */
class DeployError extends Error {
    details;
    constructor(message, details = {}, options) {
        super(message, options);
        this.name = 'DeployError';
        this.details = details;
    }
}
/** A step stopped by a cancel (or by the end of the time to clean up after one): final, said as it is. */
class CancelledError extends DeployError {
    constructor(message) {
        super(message, { transient: false });
        this.name = 'CancelledError';
    }
}
/**
 * A server's refusal of a command (its reply code and text), as the transport reports it: the
 * layers above tell a refusal from a lost connection by this class, never by the protocol
 * library's own.
 */
class ReplyError extends Error {
    code;
    constructor(code, message) {
        super(message);
        this.code = code;
        this.name = 'ReplyError';
    }
}
/** An upload the server holds fewer (or more) bytes of than were sent: worth a retry on a new connection. */
function incomplete(name, held, sentSize) {
    return new DeployError(`Upload of ${name} is incomplete: the server holds ${held} of ${sentSize} bytes`, {
        file: name,
        command: 'SIZE',
        transient: true
    });
}
/** Turns anything thrown into a one-line message (a catch that also handles non-Errors). */
function describeError(err) {
    if (err instanceof Error)
        return err.message;
    return typeof err === 'string' ? err : `Unexpected failure: ${JSON.stringify(err)}`;
}


/***/ }),

/***/ 4325:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   E$: () => (/* binding */ redact),
/* harmony export */   KR: () => (/* binding */ redactingLog)
/* harmony export */ });
/* unused harmony export secretForms */
/** Replaces every occurrence of a secret with *** (a second line of defence after setSecret). */
function redact(text, secrets) {
    return secrets.filter(s => s.length > 0).reduce((out, secret) => out.split(secret).join('***'), text);
}
/**
 * The forms a secret takes in what the run emits: as sent, and as a Markdown table cell or a
 * one-line message shows it (`|` escaped, line breaks as spaces), which the runner's mask of
 * the raw value no longer matches.
 */
function secretForms(secret) {
    if (secret === '')
        return [];
    const forms = [secret, secret.replace(/\|/g, '\\|').replace(/[\r\n]/g, ' '), secret.replace(/[\r\n]/g, ' ')];
    return [...new Set(forms)].sort((a, b) => b.length - a.length);
}
/** A log whose every line has the secrets replaced (server replies may echo a password). */
function redactingLog(log, secrets) {
    const forms = secrets.flatMap(secretForms);
    if (forms.length === 0)
        return log;
    const clean = (message) => redact(message, forms);
    return {
        ...log,
        info: message => log.info(clean(message)),
        warning: message => log.warning(clean(message)),
        debug: message => log.debug(clean(message)),
        group: (name, fn) => log.group(clean(name), fn)
    };
}


/***/ }),

/***/ 4414:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Dr: () => (/* binding */ ManifestCorrupt),
/* harmony export */   MZ: () => (/* binding */ serializeManifest),
/* harmony export */   Ng: () => (/* binding */ parseManifest),
/* harmony export */   dR: () => (/* binding */ emptyManifest),
/* harmony export */   nX: () => (/* binding */ copyManifest),
/* harmony export */   r7: () => (/* binding */ manifestBackupName)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(4296);
/* harmony import */ var _remote_path_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(2581);
/**
 * The sync state kept on the server: what each deployed file's content is (SHA-256, size) and
 * which directories this tool created. Written as the deploy goes (see manifest-store.ts and
 * manifest-file.ts), so a deploy that dies resumes where it stopped.
 */


const emptyManifest = () => ({ files: new Map(), dirs: new Set() });
/** A copy that later changes to either side do not reach. */
const copyManifest = (m) => ({ files: new Map(m.files), dirs: new Set(m.dirs) });
class ManifestCorrupt extends Error {
}
const FORMAT = 'ftps-deploy-manifest';
/**
 * The second copy kept beside the manifest while a server cannot replace it in one rename:
 * it holds the last complete manifest whenever the manifest itself is missing or partial.
 */
const manifestBackupName = (manifest) => `${manifest}.previous`;
function serializeManifest(manifest) {
    const files = Object.fromEntries([...manifest.files.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    return JSON.stringify({ format: FORMAT, version: 1, files, dirs: [...manifest.dirs].sort() }, null, 1) + '\n';
}
/**
 * Parses a manifest; throws ManifestCorrupt when it is not one. Entries whose path could leave
 * remote-dir are dropped and named in `refused`: the run neither trusts nor deletes them.
 */
function parseManifest(text) {
    let data;
    try {
        data = JSON.parse(text);
    }
    catch (err) {
        throw new ManifestCorrupt(`not JSON (${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .describeError */ .Uc)(err)})`);
    }
    const doc = data;
    if (typeof doc !== 'object' || doc === null || doc.format !== FORMAT)
        throw new ManifestCorrupt(`not an ${FORMAT}`);
    if (doc.version !== 1)
        throw new ManifestCorrupt(`unknown version ${JSON.stringify(doc.version)}`);
    if (typeof doc.files !== 'object' || doc.files === null || Array.isArray(doc.files) || !Array.isArray(doc.dirs)) {
        throw new ManifestCorrupt('files or dirs missing');
    }
    const refused = [];
    const safe = (path) => {
        const reason = (0,_remote_path_js__WEBPACK_IMPORTED_MODULE_1__/* .unsafePathReason */ .m0)(path);
        if (reason !== undefined)
            refused.push(`${JSON.stringify(path)} (${reason})`);
        return reason === undefined;
    };
    const files = new Map();
    for (const [path, entry] of Object.entries(doc.files)) {
        const e = entry;
        const valid = typeof e?.sha256 === 'string' &&
            /^[0-9a-f]{64}$/.test(e.sha256) &&
            Number.isSafeInteger(e.size) &&
            e.size >= 0;
        if (!valid)
            throw new ManifestCorrupt(`bad entry for ${JSON.stringify(path)}`);
        if (safe(path))
            files.set(path, { sha256: e.sha256, size: e.size });
    }
    const dirs = new Set();
    for (const dir of doc.dirs) {
        if (typeof dir !== 'string')
            throw new ManifestCorrupt(`bad directory ${JSON.stringify(dir)}`);
        if (safe(dir))
            dirs.add(dir);
    }
    return { manifest: { files, dirs }, refused };
}


/***/ }),

/***/ 4166:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Dv: () => (/* binding */ planSteps),
/* harmony export */   GF: () => (/* binding */ applySteps),
/* harmony export */   Gj: () => (/* binding */ notDone),
/* harmony export */   Jv: () => (/* binding */ adoptStep),
/* harmony export */   Ve: () => (/* binding */ stepNames),
/* harmony export */   dY: () => (/* binding */ dirDetail),
/* harmony export */   d_: () => (/* binding */ forgetDetail),
/* harmony export */   df: () => (/* binding */ describePlan),
/* harmony export */   ks: () => (/* binding */ doneText),
/* harmony export */   lQ: () => (/* binding */ uploadDetail),
/* harmony export */   uw: () => (/* binding */ stepText)
/* harmony export */ });
/* unused harmony export planSummary */
const WORDS = {
    'take lock': ['take the deploy lock', 'took the deploy lock'],
    'release lock': ['release the deploy lock', 'released the deploy lock'],
    'create root directory': ['create directory', 'created directory'],
    'remove leftover': ['remove leftover', 'removed leftover'],
    'create directory': ['create directory', 'created directory'],
    'write manifest': ['write the manifest', 'wrote the manifest'],
    adopt: ['adopt', 'adopted'],
    upload: ['upload', 'uploaded'],
    // Done, a replacement reads like any upload: 'uploaded' starts every uploaded file's line.
    replace: ['replace', 'uploaded'],
    delete: ['delete', 'deleted'],
    'remove directory': ['remove directory', 'removed directory']
};
/** 'would upload a.js (12 bytes)' in a plan, 'uploaded a.js (12 bytes)' once done. */
function stepText(step, tense) {
    const [planned, done] = WORDS[step.kind];
    const words = [tense === 'planned' ? `would ${planned}` : done, step.path];
    const replaced = tense === 'done' && step.kind === 'replace' ? ', replacing the old one' : '';
    if (step.detail !== undefined)
        words.push(`(${step.detail}${replaced})`);
    return words.filter(w => w !== '').join(' ');
}
/** Every remote change of the plan, in the order they happen (steps of one kind run in parallel). */
/** How an upload is described: its size, and the mode it gets. */
const uploadDetail = (size, plan) => plan.fileMode === undefined ? `${size} bytes` : `${size} bytes, mode ${plan.fileMode}`;
/** The mode a created directory gets, if one was asked for. */
const dirDetail = (plan) => plan.dirMode === undefined ? undefined : `mode ${plan.dirMode}`;
/** Why the manifest is written before the uploads. */
function forgetDetail(plan) {
    const replaced = plan.forget.length - plan.aliases.length;
    const parts = [
        ...(replaced > 0 ? [`no longer vouching for ${replaced} file(s) to be replaced`] : []),
        ...(plan.aliases.length > 0
            ? [`forgetting ${plan.aliases.join(', ')}: another spelling of a local file on a server that folds case`]
            : [])
    ];
    return parts.join('; ');
}
function planSteps(plan) {
    const dir = dirDetail(plan);
    const steps = [
        // The lock lives in remote-dir: with it, remote-dir is made first.
        ...plan.createRoot.map(path => ({ kind: 'create root directory', path, detail: dir })),
        ...(plan.lock ? [{ kind: 'take lock', path: '.ftps-deploy.lock' }] : []),
        ...plan.leftovers.map(path => ({ kind: 'remove leftover', path })),
        ...plan.mkdirs.map(path => ({ kind: 'create directory', path, detail: dir }))
    ];
    if (plan.forget.length > 0) {
        steps.push({ kind: 'write manifest', path: '', detail: forgetDetail(plan) });
    }
    for (const adopted of plan.adopt)
        steps.push(adoptStep(adopted));
    for (const { file, replaces } of plan.uploads) {
        steps.push({ kind: replaces ? 'replace' : 'upload', path: file.relPath, detail: uploadDetail(file.size, plan) });
    }
    steps.push(...plan.deletes.map(path => ({ kind: 'delete', path })));
    steps.push(...plan.rmdirs.map(path => ({ kind: 'remove directory', path, detail: 'if empty' })));
    if (plan.writeManifest)
        steps.push({ kind: 'write manifest', path: '', detail: 'final' });
    if (plan.lock)
        steps.push({ kind: 'release lock', path: '.ftps-deploy.lock' });
    return steps;
}
/** 'adopt a.js (12 bytes, same SHA-256 on the server (HASH))': recorded in the manifest, not uploaded. */
const adoptStep = ({ file, evidence }) => ({
    kind: 'adopt',
    path: file.relPath,
    detail: `${file.size} bytes, ${evidence}`
});
/** One line that sums the plan up. */
function planSummary(plan, dryRun) {
    const would = dryRun ? 'would ' : '';
    const bytes = plan.uploads.reduce((sum, u) => sum + u.file.size, 0);
    const replacing = plan.uploads.filter(u => u.replaces).length;
    return (`Plan: ${would}upload ${plan.uploads.length} file(s) (${bytes} bytes; ${replacing} replacing others), ` +
        `skip ${plan.skip.length} unchanged, ${would}adopt ${plan.adopt.length} already on the server, ${would}delete ${plan.deletes.length}, ` +
        `${would}create ${plan.createRoot.length + plan.mkdirs.length} and remove ${plan.rmdirs.length} director(ies), ` +
        `${would}remove ${plan.leftovers.length} leftover temporar(ies)`);
}
/** The plan in the log: stale manifest entries, every step in a dry run (a real run reports each as done), the summary. */
function describePlan(plan, steps, log, dryRun) {
    for (const path of plan.stale)
        log.info(`${path}: listed in the manifest but missing or changed on the server, to upload again if still matched`);
    if (dryRun)
        for (const step of steps)
            log.info(stepText(step, 'planned'));
    log.info(planSummary(plan, dryRun));
}
/** The plan's steps that apply carries out: the run lock takes and releases the lock around it. */
const applySteps = (plan) => planSteps(plan).filter(step => step.kind !== 'take lock' && step.kind !== 'release lock');
/** The planned steps that were not carried out (a multiset difference by kind and path). */
function notDone(planned, applied) {
    const key = (step) => `${step.kind}\0${step.path}`;
    const left = new Map();
    for (const step of applied)
        left.set(key(step), (left.get(key(step)) ?? 0) + 1);
    return planned.filter(step => {
        const count = left.get(key(step)) ?? 0;
        if (count > 0)
            left.set(key(step), count - 1);
        return count === 0;
    });
}
/** 'remove directory old (if empty), delete a.js, and 3 more': steps named, not counted. */
function stepNames(steps, max) {
    const names = steps.slice(0, max).map(step => stepText(step, 'planned').replace(/^would /, ''));
    return names.join(', ') + (steps.length > max ? `, and ${steps.length - max} more` : '');
}
/** 'all 421 steps of the plan', or what was left undone, by name. */
function doneText(planned, applied) {
    const missing = notDone(planned, applied);
    if (missing.length === 0)
        return `all ${planned.length} steps of the plan`;
    return `${planned.length - missing.length} of the plan's ${planned.length} steps; not done: ${stepNames(missing, 10)}`;
}


/***/ }),

/***/ 2581:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   UE: () => (/* binding */ LOCK_DIR),
/* harmony export */   b7: () => (/* binding */ resolveRemoteRoot),
/* harmony export */   fF: () => (/* binding */ remotePathOf),
/* harmony export */   jC: () => (/* binding */ safeName),
/* harmony export */   m0: () => (/* binding */ unsafePathReason),
/* harmony export */   ux: () => (/* binding */ pathPrefixes),
/* harmony export */   vB: () => (/* binding */ parentDirs),
/* harmony export */   zN: () => (/* binding */ foldName)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/** Remote paths (pure): where remote-dir lies, and what a safe remote-relative path is. */

/** remote-dir is relative to the login directory unless absolute. */
function resolveRemoteRoot(home, remoteDir) {
    const joined = remoteDir.startsWith('/') ? remoteDir : node_path__WEBPACK_IMPORTED_MODULE_0__.posix.join(home || '/', remoteDir);
    const normal = node_path__WEBPACK_IMPORTED_MODULE_0__.posix.normalize(joined);
    return normal.length > 1 && normal.endsWith('/') ? normal.slice(0, -1) : normal;
}
/** '/a/b/c' -> ['/a', '/a/b', '/a/b/c']. */
function pathPrefixes(path) {
    const parts = path.split('/').filter(p => p !== '');
    return parts.map((_, i) => '/' + parts.slice(0, i + 1).join('/'));
}
/** 'a/b/c.txt' -> ['a', 'a/b'] (parents first); '' for none. Stops at '/' as well as '.'. */
function parentDirs(relPath) {
    const dirs = [];
    for (let dir = node_path__WEBPACK_IMPORTED_MODULE_0__.posix.dirname(relPath); dir !== '.' && dir !== '/'; dir = node_path__WEBPACK_IMPORTED_MODULE_0__.posix.dirname(dir))
        dirs.unshift(dir);
    return dirs;
}
/** The remote path of a remote-relative one ('' is remote-dir itself). */
function remotePathOf(remoteRoot, relPath) {
    return relPath === '' ? remoteRoot : node_path__WEBPACK_IMPORTED_MODULE_0__.posix.join(remoteRoot, relPath);
}
/**
 * Why a remote-relative path could leave remote-dir or be misread on the wire, or undefined
 * when it is safe: no absolute path, no empty, '.' or '..' segment, no backslash (Windows
 * servers read it as a separator, so '..\x' would leave remote-dir there), no CR, LF or NUL.
 */
function unsafePathReason(relPath) {
    if (relPath === '')
        return 'it is empty';
    if (/[\r\n\0]/.test(relPath))
        return 'it contains CR, LF or NUL';
    if (relPath.includes('\\'))
        return 'it contains a backslash, a path separator on Windows servers';
    if (relPath.startsWith('/'))
        return 'it is absolute';
    if (relPath.split('/').some(part => part === '' || part === '.' || part === '..')) {
        return "it has an empty, '.' or '..' segment";
    }
    return undefined;
}
/** One entry name from a listing, safe to join below its directory (no '/', '..', '.', backslash, CR, LF or NUL). */
function safeName(name) {
    return !name.includes('/') && unsafePathReason(name) === undefined;
}
/** How names compare on a server that folds case. */
const foldName = (path) => path.toLowerCase();
/** The deploy lock: a directory at the top of remote-dir (lock/lock.ts takes and releases it). */
const LOCK_DIR = '.ftps-deploy.lock';


/***/ }),

/***/ 4828:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  g: () => (/* binding */ deploy)
});

// UNUSED EXPORTS: defaultDeps

// EXTERNAL MODULE: ./src/core/manifest.ts
var core_manifest = __nccwpck_require__(4414);
// EXTERNAL MODULE: ./src/core/remote-path.ts
var remote_path = __nccwpck_require__(2581);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __nccwpck_require__(4296);
;// CONCATENATED MODULE: ./src/session/refusals.ts
/** Telling a server's refusal from a lost connection, and the best-effort steps built on that. */

/** A refusal (5xx) of a rename, as opposed to a lost connection or a 4xx worth a retry. */
function renameRefused(err) {
    return err instanceof errors/* DeployError */.sH && err.details.code !== undefined && err.details.code >= 500;
}
/** Whether the server answered with a refusal (any reply code), rather than the connection failing. */
const isRefusal = (err) => err instanceof errors/* ReplyError */.vO || (err instanceof errors/* DeployError */.sH && err.details.code !== undefined);
/**
 * True when done, false when the server refused (the file is not there, 550, or it would not):
 * for best-effort steps. A lost connection still throws.
 */
async function quietly(action) {
    return action.then(() => true, (err) => {
        if (isRefusal(err))
            return false;
        throw err;
    });
}
/** Creates one directory and, when this run created it, gives it `mode`. True if created. */
async function makeDir(session, path, mode) {
    const created = await session.makeDir(path);
    if (created && mode !== undefined)
        await session.chmod(path, mode);
    return created;
}

;// CONCATENATED MODULE: ./src/session/size-check.ts
/** The size check after an upload: the server holds as many bytes as were sent. */


/** SIZE of `path` must be `sentSize`; a server without SIZE (500, 502) is not checked here. */
async function sizeCheck(session, name, sentSize, path) {
    const size = await session.size(path);
    if (size !== undefined && size !== sentSize)
        throw (0,errors/* incomplete */.$x)(name, size, sentSize);
}

;// CONCATENATED MODULE: ./src/manifest/manifest-file.ts
/**
 * The manifest on the server: read (with the backup a server without rename-over may leave)
 * and written so that one whole copy is always there, whatever the server allows and wherever
 * a run is killed.
 */





/**
 * A manifest takes about 150 bytes a file: 64 MiB is some 400,000 files. A bigger one is not
 * read into memory: the run fails, naming it (it is never taken for "no manifest").
 */
const MANIFEST_MAX_BYTES = 64 * 1024 * 1024;
async function readOne(pool, path, what, log) {
    // A transient failure (a short download included) is retried and then fails the run: it is
    // never taken for "no manifest", which would upload everything again and forget deletions.
    const data = await pool.run(`Reading ${what}`, session => session.download(path, MANIFEST_MAX_BYTES));
    if (data === undefined)
        return undefined;
    try {
        const { manifest, refused } = (0,core_manifest/* parseManifest */.Ng)(data.toString('utf8'));
        if (refused.length > 0) {
            log.warning(`The manifest ${path} has entries that would leave remote-dir, ignored (never trusted, never deleted): ${refused.slice(0, 5).join(', ')}${refused.length > 5 ? ', …' : ''}`);
        }
        return manifest;
    }
    catch (err) {
        if (!(err instanceof core_manifest/* ManifestCorrupt */.Dr))
            throw err;
        log.warning(`The manifest ${path} is corrupt (${err.message}): ignoring it`);
        return undefined;
    }
}
/** The manifest, else (a run killed while replacing it) its backup, else none. */
async function readManifest(pool, path, log) {
    const manifest = await readOne(pool, path, 'the manifest', log);
    if (manifest !== undefined)
        return { manifest, from: 'manifest' };
    const backupPath = external_node_path_.posix.join(external_node_path_.posix.dirname(path), (0,core_manifest/* manifestBackupName */.r7)(external_node_path_.posix.basename(path)));
    const backup = await readOne(pool, backupPath, "the manifest's backup", log);
    if (backup !== undefined) {
        log.warning(`Using the manifest's backup ${backupPath}: an earlier run stopped while replacing the manifest`);
        return { manifest: backup, from: 'backup' };
    }
    log.info(`No manifest at ${path}: every matched file is uploaded`);
    return { manifest: { files: new Map(), dirs: new Set() }, from: 'none' };
}
/**
 * Writes the manifest at `path`, replaced the way uploads are (the replacer's one strategy, from
 * the server record). Where the server renames over a file: temporary, then rename.
 * Where it does not: the old manifest is moved to the backup name first, so a run killed between
 * the two renames leaves the backup for the next run to read; the backup goes once the new one is
 * in place. Where it allows no renames: the backup is written in full first, then the manifest.
 * Either way the backup exists only while the manifest is being replaced.
 */
function manifestWriter(pool, replacer, path, options) {
    const backup = external_node_path_.posix.join(external_node_path_.posix.dirname(path), (0,core_manifest/* manifestBackupName */.r7)(external_node_path_.posix.basename(path)));
    // A backup left by a killed run goes once the manifest is back in place.
    let staleBackup = options.backupExists;
    const put = (session, data, target) => sizeCheck(session, 'the manifest', data.length, target);
    const write = async (session, data) => {
        if (replacer.mode !== 'direct') {
            const temp = replacer.tempFor(path);
            let placed = false;
            try {
                await session.upload(data, temp);
                await put(session, data, temp);
                // Where the server will not rename over a file, the old manifest is moved aside (not
                // deleted) first: a run killed before the rename leaves it for the next run to read.
                let movedAside = false;
                placed = await replacer.replace(session, temp, path, async () => {
                    if (await quietly(session.remove(backup)))
                        staleBackup = false;
                    movedAside = await quietly(session.rename(path, backup));
                });
                if (placed) {
                    if ((movedAside || staleBackup) && (await quietly(session.remove(backup))))
                        staleBackup = false;
                    return;
                }
            }
            finally {
                if (placed || (session.usable && (await quietly(session.remove(temp)))))
                    replacer.settled(temp);
            }
        }
        // Never over an existing file: a server may keep it and store the upload elsewhere (pure-ftpd -r).
        for (const target of [backup, path]) {
            await quietly(session.remove(target));
            await session.upload(data, target);
            await put(session, data, target);
        }
        await quietly(session.remove(backup));
    };
    return {
        write: text => 
        // `always`: after a cancel, the manifest still records what was done.
        pool
            .run('Writing the manifest', session => write(session, Buffer.from(text)), { always: true })
            .catch((err) => {
            // A checkpoint that fails ends the run by the upload that was recorded: say what failed.
            if (err instanceof errors/* CancelledError */.cc)
                throw err;
            throw new errors/* DeployError */.sH(`Writing the manifest ${path} failed: ${(0,errors/* describeError */.Uc)(err)}`, err instanceof errors/* DeployError */.sH ? err.details : {}, { cause: err });
        })
    };
}

;// CONCATENATED MODULE: ./src/manifest/manifest-store.ts

/**
 * Writes after `every` changes (or a tenth of its entries if that is more, so the bytes written
 * stay linear in the tree's size), no sooner than `minIntervalMs` after the last write, and on
 * `flush`; one write at a time. A failed write leaves the state dirty: the next flush retries.
 */
class ManifestStore {
    manifest;
    writer;
    log;
    changes = 0;
    /** Changes left before the run's final write (undefined: not known): the last one writes no checkpoint. */
    remaining;
    writing = Promise.resolve();
    dirty = false;
    lastWrite;
    cadence;
    constructor(manifest, writer, log, cadence = {}) {
        this.manifest = manifest;
        this.writer = writer;
        this.log = log;
        this.cadence = { every: 50, minIntervalMs: 1000, now: () => Date.now(), ...cadence };
    }
    /** A file now on the server with this content. */
    recorded(path, entry) {
        this.manifest.files.set(path, entry);
        return this.changed();
    }
    /**
     * Files found on the server as recorded (adopted): written with the next write, not counted
     * as progress (a large adoption would otherwise rewrite a growing manifest many times).
     */
    recordAll(entries) {
        for (const [path, entry] of entries) {
            this.manifest.files.set(path, entry);
            this.dirty = true;
        }
    }
    /** A file no longer on the server (or no longer as recorded). */
    forgotten(path) {
        this.manifest.files.delete(path);
        return this.changed();
    }
    /** Drops entries without counting them as progress; true if any was there. */
    forgetAll(paths) {
        let any = false;
        for (const path of paths)
            any = this.manifest.files.delete(path) || any;
        if (any)
            this.dirty = true;
        return any;
    }
    dirCreated(path) {
        this.manifest.dirs.add(path);
        this.dirty = true;
    }
    dirRemoved(path) {
        this.manifest.dirs.delete(path);
        this.dirty = true;
    }
    /** The run will make `count` more changes and then flush: a checkpoint right before that would be written twice. */
    expectChanges(count) {
        this.remaining = count;
    }
    /** The next flush writes, changed or not (the plan said the manifest is written). */
    touch() {
        this.dirty = true;
    }
    /** Writes now if anything changed since the last write that succeeded. */
    flush() {
        // After a failed write the chain goes on: a later flush writes again (the failure path must
        // still be able to record the uploads that succeeded).
        const write = this.writing.catch(() => undefined).then(() => this.writeIfDirty());
        this.writing = write;
        return write;
    }
    async writeIfDirty() {
        if (!this.dirty)
            return;
        this.dirty = false;
        this.changes = 0;
        this.lastWrite = this.cadence.now();
        const text = (0,core_manifest/* serializeManifest */.MZ)(this.manifest);
        this.log.debug(`Writing the manifest (${this.manifest.files.size} files)`);
        try {
            await this.writer.write(text);
        }
        catch (err) {
            this.dirty = true;
            throw err;
        }
    }
    changed() {
        this.dirty = true;
        this.changes += 1;
        if (this.remaining !== undefined && --this.remaining <= 0)
            return Promise.resolve();
        const { every, minIntervalMs, now } = this.cadence;
        const due = this.changes >= Math.max(every, Math.floor(this.manifest.files.size / 10)) &&
            (this.lastWrite === undefined || now() - this.lastWrite >= minIntervalMs);
        return due ? this.flush() : Promise.resolve();
    }
}

;// CONCATENATED MODULE: ./src/session/checked.ts
/**
 * A file checked under its temporary name whose rename has not been carried yet: the state
 * between "uploaded and checked" and "live" (the replacer's `checked`; `cutover: end` will hold
 * files in it until its burst). And how a failure on its way to live is named after it.
 */

/** Writes carrying one file's rename that may be answered 4xx before its failure is final. */
const RENAME_TRIES = 3;
/** A failure while putting a checked file in place, named after that file (not the upload whose write carried it). */
function ofFile(err, name) {
    if (err instanceof errors/* DeployError */.sH && err.details.file !== undefined)
        return err;
    const details = err instanceof errors/* DeployError */.sH ? err.details : err instanceof errors/* ReplyError */.vO ? { code: err.code, reply: err.message } : {};
    return new errors/* DeployError */.sH(`Putting ${name} in place failed: ${(0,errors/* describeError */.Uc)(err)}`, { ...details, file: name }, { cause: err });
}

;// CONCATENATED MODULE: ./src/session/burst.ts

/** When files went live during a run: the window visitors may see a mix of old and new. */
class LiveWindow {
    now;
    first;
    last;
    /** Files that went live by a rename. */
    renamed = 0;
    constructor(now = () => performance.now()) {
        this.now = now;
    }
    /** A write carrying renames of real names is about to go. */
    renaming() {
        this.first ??= this.now();
    }
    /** A file is live under its name (by a rename, or written in place). */
    live(byRename) {
        this.last = this.now();
        this.first ??= this.last;
        if (byRename)
            this.renamed += 1;
    }
    /** First rename sent to last file live, in ms; null when nothing went live. */
    get ms() {
        return this.first === undefined || this.last === undefined ? null : Math.round(this.last - this.first);
    }
}
/**
 * Puts `files` in place over at most `connections` sessions, each its share in as few writes as
 * the server takes (`carry` sends a queue's renames together and leaves in it what must go
 * again). Waits for every share; the first failure is thrown, named after its file.
 */
async function putInPlace(pool, files, connections, carry) {
    const shares = Math.max(1, Math.min(connections, files.length));
    const queues = Array.from({ length: shares }, (_, i) => files.filter((_, j) => j % shares === i));
    const outcomes = await Promise.allSettled(queues.map(async (queue) => {
        while (queue.length > 0) {
            const first = queue[0].name;
            const shown = queue.length > 1 ? `${first} and ${queue.length - 1} more` : first;
            await pool
                .run(`Putting ${shown} in place`, session => carry(session, queue))
                .catch((err) => {
                throw ofFile(err, first);
            });
        }
    }));
    const failed = outcomes.find(o => o.status === 'rejected');
    if (failed !== undefined)
        throw failed.reason;
}

;// CONCATENATED MODULE: ./src/session/temps.ts

class RunTemps {
    names;
    /** This run's temporaries not yet renamed or removed: removed at the end (`cleanUp`). */
    temps = new Set();
    constructor(names) {
        this.names = names;
    }
    /** A temporary name for target, tracked until `settled`. */
    tempFor(target) {
        const temp = this.names.pathFor(target);
        this.temps.add(temp);
        return temp;
    }
    settled(temp) {
        this.temps.delete(temp);
    }
    /** This run's temporaries still on the server as far as it knows (after `cleanUp`: those it could not remove). */
    get unsettled() {
        return [...this.temps];
    }
    /** Removes this run's temporaries still on the server (best effort). */
    async cleanUp(pool) {
        for (const temp of [...this.temps]) {
            await pool
                // A refusal (550) says it is not there (pure-ftpd removes an upload over quota itself).
                .run(`Removing ${temp}`, session => quietly(session.remove(temp)), { always: true })
                .then(() => this.settled(temp), () => undefined);
        }
    }
}

;// CONCATENATED MODULE: ./src/session/replace.ts
/**
 * How a file is put on the server: to a temporary name, checked there (size, mode), then renamed
 * over the target (atomic), with what this server turns out to allow (the server record's
 * `replace`): a rename over an existing file, or only after clearing it, or no renames at all
 * (pure-ftpd -G), in place then. Found out on first use and said once; a rename refused for one
 * file where renames work (IIS: a file in use) is that file's fallback, not the run's.
 *
 * Where the server takes pipelined commands, a checked temporary waits in `checked` and its
 * rename rides on the next write of any session (the next upload's checks), so nothing goes live
 * before its checks are read and no round trip is added; `goLive` sends what is left when a
 * phase ends (new files, then replacements: the plan's order). With `hold` (`cutover: end`) no
 * write carries them: they wait until `burst` puts them all in place at once.
 */






class Replacer extends RunTemps {
    server;
    hold;
    /** Checked, rename pending: carried by the next write (the state `cutover: end` holds longer). */
    checked = [];
    /** A rename worked in this run: a later refusal is one file's, not the server's. */
    renamed = false;
    /** When files went live (the run reports it). */
    window = new LiveWindow();
    constructor(server, names, 
    /** Checked files wait for `burst` (`cutover: end`) instead of riding on the next write. */
    hold = false) {
        super(names);
        this.server = server;
        this.hold = hold;
    }
    get mode() {
        return this.server.replace;
    }
    /**
     * Uploads source to target: atomically where the server allows, else in place; `live` is
     * called once the file is in place under its name: before this returns, or, where the server
     * takes pipelined commands, when a later write has carried its rename. The checks (the bytes
     * sent, the size, a hash, the mode) are all made on the temporary before it is renamed.
     */
    async put(session, source, target, checks, live = () => undefined) {
        // The mode as this upload found it: another connection may learn more meanwhile.
        if (this.server.replace !== 'direct') {
            const temp = this.tempFor(target);
            let kept;
            try {
                const sent = await session.upload(source, temp);
                checks.sent(sent);
                const pipelined = this.server.pipelining && checks.stored === undefined && (checks.mode === undefined || this.server.chmodWorks);
                if (pipelined) {
                    const size = checks.verifySize ? sent.size : undefined;
                    await this.together(session, { path: temp, name: checks.name, mode: checks.mode, size });
                }
                else
                    await this.checkStored(session, checks, temp, sent);
                if (pipelined || this.hold) {
                    this.checked.push({
                        temp,
                        target,
                        name: checks.name,
                        again: (on, how) => how === 'anew'
                            ? this.put(on, source, target, checks, live)
                            : this.inPlace(on, source, target, checks, live),
                        live,
                        tries: 0,
                        inDoubt: false
                    });
                    kept = 'pending';
                }
                else {
                    this.window.renaming();
                    if (await this.replace(session, temp, target, undefined, checks.name))
                        kept = 'renamed';
                }
            }
            finally {
                if (kept === 'renamed')
                    this.settled(temp);
                else if (kept === undefined && session.usable && (await quietly(session.remove(temp))))
                    this.settled(temp);
            }
            if (kept === 'renamed')
                this.window.live(true);
            if (kept === 'renamed')
                live();
            if (kept !== undefined)
                return;
        }
        await this.inPlace(session, source, target, checks, live);
    }
    /**
     * Sends the renames of every checked file still pending, one write at a time on some session,
     * until none is left: at the end of a phase, before the next phase's files may go live.
     */
    async goLive(pool) {
        while (this.checked.length > 0) {
            const names = this.checked.map(c => c.name);
            const shown = names.length > 3 ? `${names.slice(0, 3).join(', ')} and ${names.length - 3} more` : names.join(', ');
            await pool
                .run(`Putting ${shown} in place`, session => this.carry(session, this.checked))
                .catch((err) => {
                throw ofFile(err, names[0]);
            });
        }
    }
    /**
     * `cutover: end`: the held files whose target `pick` chooses go live at once, their renames
     * split across `connections` sessions; files a refusal sent again (anew) go in another burst.
     */
    async burst(pool, pick, connections) {
        for (let files = this.checked.filter(c => pick(c.target)); files.length > 0;) {
            for (const c of files)
                this.checked.splice(this.checked.indexOf(c), 1);
            await putInPlace(pool, files, connections, (session, queue) => this.carry(session, queue));
            files = this.checked.filter(c => pick(c.target));
        }
    }
    /** In place: where renames are refused (the run's mode, or this file's fallback). */
    async inPlace(session, source, target, checks, live) {
        // Where atomic was asked for but renames are refused, delete first: a server that never
        // overwrites (pure-ftpd -r) would otherwise keep the old file.
        if (this.server.atomic)
            await quietly(session.remove(target));
        const sent = await session.upload(source, target);
        checks.sent(sent);
        await this.checkStored(session, checks, target, sent);
        this.window.live(false);
        live();
    }
    async checkStored(session, checks, path, sent) {
        if (checks.verifySize)
            await sizeCheck(session, checks.name, sent.size, path);
        await checks.stored?.(session, path, sent);
        if (checks.mode !== undefined) {
            await session.chmod(path, checks.mode);
            this.server.chmodWorks = true;
        }
    }
    /** After an upload: `check` of its temporary, with the pending renames unless they are held. */
    together(session, check) {
        return this.carry(session, this.hold ? [] : this.checked, check);
    }
    /**
     * One write: the renames of the checked files in `queue`, then `check` of a temporary just
     * uploaded (with the next transfer's port). Each rename's outcome is its own file's (one to go
     * again stays in `queue`); the check's failure is thrown after them.
     */
    async carry(session, queue, check) {
        const riding = queue.splice(0);
        if (riding.length > 0)
            this.window.renaming();
        const clearFirst = this.server.replace === 'delete-then-rename';
        let done;
        try {
            done = await session.commit({ renames: riding.map(c => ({ from: c.temp, to: c.target, clearFirst })), check });
        }
        catch (err) {
            // The write is lost: each rename may or may not have happened; the next write tells.
            for (const c of riding)
                c.inDoubt = true;
            queue.unshift(...riding);
            throw err;
        }
        for (const [i, c] of riding.entries()) {
            try {
                await this.renamedOrNot(session, c, done.renames[i], queue);
            }
            catch (err) {
                // Where its fallback stopped is not known: it goes anew with a later write (or the run stops).
                c.inDoubt = true;
                queue.unshift(...riding.slice(i));
                throw ofFile(err, c.name);
            }
        }
        if (done.failure !== undefined)
            throw done.failure;
    }
    /** After a write carried c's rename: live, or again later (4xx), or its fallbacks (5xx). */
    async renamedOrNot(session, c, refusal, queue) {
        if (refusal === undefined) {
            this.renamed = true;
            this.settled(c.temp);
            this.window.live(true);
            return c.live();
        }
        if (!renameRefused(refusal)) {
            if (++c.tries >= RENAME_TRIES)
                throw new errors/* DeployError */.sH(refusal.message, { ...refusal.details, transient: false });
            queue.push(c);
            return;
        }
        if (c.inDoubt) {
            // A lost write may have renamed it already (RNFR then finds no temporary): write it anew.
            if (await quietly(session.remove(c.temp)))
                this.settled(c.temp);
            return c.again(session, 'anew');
        }
        const mode = this.server.replace;
        if (mode !== 'direct' && (await this.afterRefusal(session, c.temp, c.target, mode, refusal, undefined, c.name))) {
            this.settled(c.temp);
            this.window.live(true);
            return c.live();
        }
        if (await quietly(session.remove(c.temp)))
            this.settled(c.temp);
        await c.again(session, 'in place');
    }
    /**
     * Moves temp over target as the server allows: a rename over it, or the target cleared first
     * (`clear`: deleted, unless the caller moves it aside). False when the server refuses it (write
     * in place then); a 4xx or a lost connection throws, for the pool to retry.
     */
    async replace(session, temp, target, clear = () => quietly(session.remove(target)), name = target) {
        const mode = this.server.replace;
        if (mode === 'direct')
            return false;
        if (mode === 'delete-then-rename')
            await clear();
        try {
            await session.rename(temp, target);
            this.renamed = true;
            return true;
        }
        catch (err) {
            if (!renameRefused(err))
                throw err;
            return this.afterRefusal(session, temp, target, mode, err, clear, name);
        }
    }
    /**
     * After a refused rename: over an existing file (the server's rule: cleared first from now on),
     * renames at all (none has worked in this run: the server's rule, in place from now on), or
     * this file only (renames work: a file in use on IIS). False: write this file in place.
     */
    async afterRefusal(session, temp, target, mode, err, clear = () => quietly(session.remove(target)), name = target) {
        let refusal = err;
        if (mode === 'rename') {
            // Once more with the target gone.
            await clear();
            try {
                await session.rename(temp, target);
                this.server.refusedRenameOver(replyOf(err));
                this.renamed = true;
                return true;
            }
            catch (again) {
                if (!renameRefused(again))
                    throw again;
                refusal = again;
            }
        }
        if (this.renamed)
            this.server.refusedRenameOf(name, replyOf(refusal));
        else
            this.server.refusedRenames(replyOf(refusal));
        return false;
    }
    /** Removes this run's temporaries that failed attempts left behind, checked ones not yet live included (best effort). */
    cleanUp(pool) {
        this.checked.length = 0;
        return super.cleanUp(pool);
    }
}
const replyOf = (err) => err.details.reply ?? err.message;

// EXTERNAL MODULE: ./src/local/local-files.ts + 2 modules
var local_files = __nccwpck_require__(2212);
;// CONCATENATED MODULE: ./src/core/remote-session.ts
/** Entry types as listings give them (the numbers basic-ftp's FileType uses). */
const EntryType = { Unknown: 0, File: 1, Directory: 2, SymbolicLink: 3 };

;// CONCATENATED MODULE: ./src/core/retry.ts
/** Which failures a fresh connection may fix, and how long to wait before trying (pure). */

/** Reply codes a retry may get past (RFC 959 4xx: "transient negative completion"). */
const TRANSIENT_CODES = new Set([421, 425, 426, 450, 451, 452]);
/**
 * A write the server's own disk refused: final, since a new connection writes to the same full
 * disk (a retry re-sends the whole file for the same reply). 452 is RFC 959's "insufficient
 * storage" and servers use it for nothing else (ProFTPD `452 Transfer aborted. No space left
 * on device`, pure-ftpd on cPanel `452 Error during write to file`): always final. 451 is any
 * "local error", some of them passing: final only when it says a write, the space, the quota
 * or the disk failed (vsftpd `451 Failure writing to local file.`, pure-ftpd `451-Error during
 * write to file`, ProFTPD `451 Transfer aborted. Input/output error`).
 */
const WRITE_FAILED = /\b(?:write|writing|space|quota|disk|full|storage)\b|input\/output/i;
/** Node/OpenSSL codes of certificate and identity failures: never retried. */
const CERTIFICATE = /^(CERT_|UNABLE_TO_|DEPTH_ZERO|SELF_SIGNED|ERR_TLS_CERT|HOSTNAME_MISMATCH)/;
const TRANSIENT_NODE_CODES = new Set([
    'ECONNRESET',
    'ECONNREFUSED',
    'ECONNABORTED',
    'EPIPE',
    'ETIMEDOUT',
    'EHOSTUNREACH',
    'ENETUNREACH',
    'EAI_AGAIN',
    'ERR_STREAM_PREMATURE_CLOSE',
    'ERR_SSL_WRONG_VERSION_NUMBER',
    'ERR_SSL_DECRYPTION_FAILED_OR_BAD_RECORD_MAC'
]);
/** Messages basic-ftp and Node use for lost connections and timeouts. */
const TRANSIENT_TEXT = /timeout|timed out|socket hang up|client is closed|closed unexpectedly|FIN packet|not connected|disconnected|ECONNRESET|EPIPE/i;
function codeOf(err) {
    const code = err?.code;
    return typeof code === 'string' ? code : undefined;
}
/** True when retrying on a fresh connection may succeed; false for final failures. */
function isTransient(err) {
    if (err instanceof errors/* DeployError */.sH) {
        if (err.details.fatal === true)
            return false;
        if (err.details.transient !== undefined)
            return err.details.transient;
        if (err.details.code !== undefined)
            return replyIsTransient(err.details.code, err.details.reply ?? '');
        return err.cause === undefined ? false : isTransient(err.cause);
    }
    if (err instanceof errors/* ReplyError */.vO)
        return replyIsTransient(err.code, err.message);
    const code = codeOf(err);
    if (code !== undefined && CERTIFICATE.test(code))
        return false;
    if (code !== undefined && TRANSIENT_NODE_CODES.has(code))
        return true;
    const message = err instanceof Error ? err.message : String(err);
    if (/certificate|altnames|self.signed|fingerprint/i.test(message))
        return false;
    return TRANSIENT_TEXT.test(message);
}
function replyIsTransient(code, reply) {
    if (code === 452 || (code === 451 && WRITE_FAILED.test(reply)))
        return false;
    return TRANSIENT_CODES.has(code);
}
/** Exponential backoff with full jitter: attempt 1 -> up to base, 2 -> up to 2 base, ... capped. */
function backoffMs(attempt, random = Math.random, baseMs = 500, capMs = 10_000) {
    const ceiling = Math.min(capMs, baseMs * 2 ** (attempt - 1));
    return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

;// CONCATENATED MODULE: ./src/core/concurrency.ts
/** A small concurrency helper (pure: no I/O of its own). */
/** Runs tasks with at most `limit` at once; the first failure stops new tasks from starting. */
async function forEachLimited(items, limit, task) {
    let next = 0;
    let failure;
    const worker = async () => {
        while (failure === undefined && next < items.length) {
            const item = items[next++];
            try {
                await task(item);
            }
            catch (error) {
                failure ??= { error };
            }
        }
    };
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
    if (failure)
        throw failure.error;
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
;// CONCATENATED MODULE: ./src/core/temp-name.ts
/**
 * The one definition of the temporary names this tool uploads to before a rename, and of when
 * another run's temporary is abandoned. A name carries the run's tag and the time it was made:
 * '.ftps-deploy.app.js.mabc12.1a2b3c4d-7.tmp' is app.js, made at base-36 second mabc12 by run
 * 1a2b3c4d (its 7th temporary).
 */


const PREFIX = '.ftps-deploy.';
const SUFFIX = '.tmp';
/** Any temporary of this tool, this version's or an older one's: one name, never a path. */
const TEMP_NAME = /^\.ftps-deploy\.[^/]+\.tmp$/;
const CURRENT = /^\.ftps-deploy\.([^/]+)\.([0-9a-z]+)\.([0-9a-f]{8})-(\d+)\.tmp$/;
/**
 * Another run's temporary younger than this may still be in flight (its upload not yet renamed):
 * longer than one file's upload takes, and than clocks of two runners drift apart.
 */
const ABANDONED_AFTER_MS = 60 * 60 * 1000;
function parseTempName(name) {
    if (!TEMP_NAME.test(name))
        return undefined;
    const m = CURRENT.exec(name);
    if (m)
        return { target: m[1], runTag: m[3], madeAt: parseInt(m[2], 36) * 1000 };
    return { target: name.slice(PREFIX.length, -SUFFIX.length) };
}
/** Makes this run's temporary names. */
class TempNamer {
    runTag;
    now;
    count = 0;
    constructor(runTag = (0,external_node_crypto_.randomBytes)(4).toString('hex'), now = () => Date.now()) {
        this.runTag = runTag;
        this.now = now;
    }
    /** '/www/a/b.js' -> '/www/a/.ftps-deploy.b.js.<time>.<tag>-<n>.tmp'. */
    pathFor(remotePath) {
        const made = Math.floor(this.now() / 1000).toString(36);
        const name = `${PREFIX}${external_node_path_.posix.basename(remotePath)}.${made}.${this.runTag}-${++this.count}${SUFFIX}`;
        return external_node_path_.posix.join(external_node_path_.posix.dirname(remotePath), name);
    }
    /**
     * Whether a listed temporary is provably abandoned: this run's own (left by a failed attempt),
     * an older version's (no run tag), or another run's made more than ABANDONED_AFTER_MS ago.
     * A run that holds the deploy lock owns remote-dir: no other run can be uploading there, so
     * every temporary is abandoned, whatever its age (a killed run's, seconds old).
     */
    isAbandoned(name, holdsLock = false) {
        const temp = parseTempName(name);
        if (temp === undefined)
            return false;
        if (holdsLock)
            return true;
        if (temp.runTag === undefined || temp.madeAt === undefined || temp.runTag === this.runTag)
            return true;
        return this.now() - temp.madeAt > ABANDONED_AFTER_MS;
    }
}

;// CONCATENATED MODULE: ./src/remote/remote-listing.ts
/**
 * Reading what the server holds: directory listers (STAT on the control connection where the
 * server lists that way, else LIST/MLSD), and indexes of files and sizes built from them.
 */







/** STATs sent together at most: a reply each, read in order. */
const STATS_PER_WRITE = 32;
function poolLister(pool) {
    return absPath => pool.run(`Listing ${absPath}`, async (session) => {
        try {
            return await session.list(absPath);
        }
        catch (err) {
            // 450/550: no such directory; its files are simply not there. pyftpdlib answers MLSD of
            // a missing directory with 501 "No such directory." (taking it for absent only uploads).
            if (err instanceof errors/* ReplyError */.vO && [450, 501, 550].includes(err.code))
                return undefined;
            throw err;
        }
    });
}
/**
 * For the checks, which need only names, types and sizes: STAT <dir> on the control connection
 * where the server lists that way (vsftpd, pure-ftpd and ProFTPD do), else LIST/MLSD. STAT
 * needs no data connection: no TLS handshake, and no wait for pure-ftpd's final TLS record.
 * Where STAT shows nothing or is refused, LIST decides; once such a directory turns out to
 * exist (a server whose STAT <dir> gives an empty status), or STAT loses its connection, times
 * out or gets a reply too long for the control connection, the rest of the run lists with LIST.
 */
function statOrListLister(pool) {
    const viaList = poolLister(pool);
    // Whether STAT lists here is the server record's: once it turns out not to, for the whole run.
    const server = pool.server;
    /** LIST decides where STAT showed nothing; entries there prove STAT missed them. */
    const decide = async (absPath) => {
        const infos = await viaList(absPath);
        // vsftpd lists a missing directory as empty: only entries prove STAT missed them.
        if (infos !== undefined && infos.length > 0)
            server.statLists = false;
        return infos;
    };
    /**
     * STATs on a session of the pool, tried once. Where they lose the connection or time out (a
     * network that cuts a connection after so many bytes cuts a long STAT reply on every try), or a
     * reply is too long for the control connection, the rest of the run lists over data connections,
     * one directory at a time: the retry is a different step, never the same STATs again.
     */
    const viaStat = async (what, stat) => {
        try {
            return await pool.run(what, stat, { retries: 0 });
        }
        catch (err) {
            if (!tooLong(err) && !isTransient(err))
                throw err;
            server.statListsLost(`${what}: ${(0,errors/* describeError */.Uc)(err)}`);
            return undefined;
        }
    };
    const one = async (absPath) => {
        if (server.statLists) {
            const infos = await viaStat(`Listing ${absPath}`, session => session.statList(absPath));
            if (infos !== undefined)
                return infos;
        }
        return decide(absPath);
    };
    one.many = async (absPaths) => {
        if (!server.statLists || absPaths.length < 2)
            return listEach(one, absPaths);
        const groups = [];
        for (let i = 0; i < absPaths.length; i += STATS_PER_WRITE)
            groups.push(absPaths.slice(i, i + STATS_PER_WRITE));
        const found = new Map();
        await forEachLimited(groups, 4, async (group) => {
            const infos = await viaStat(`Listing ${group.length} directories`, session => session.statLists(group, session.server.pipelining));
            group.forEach((path, i) => found.set(path, infos?.[i]));
        });
        const rest = absPaths.filter(path => found.get(path) === undefined);
        const listed = await listEach(decide, rest);
        rest.forEach((path, i) => found.set(path, listed[i]));
        return absPaths.map(path => found.get(path));
    };
    return one;
}
/** Lists each directory, four at a time, in order. */
async function listEach(list, absPaths) {
    const infos = new Array(absPaths.length);
    await forEachLimited([...absPaths.keys()], 4, async (i) => {
        infos[i] = await list(absPaths[i]);
    });
    return infos;
}
/** basic-ftp closes a session whose reply exceeds 64 KiB (a STAT of a large directory). */
function tooLong(err) {
    return err instanceof Error && /exceeded maximum allowed size/.test(err.message);
}
/** Lists directories (remote-relative) into one index, parents before children. */
async function indexDirs(list, remoteRoot, dirs, concurrency) {
    const index = { files: new Map(), dirs: new Set() };
    const temps = [];
    const always = new Set(dirs.always);
    const levels = new Map();
    for (const dir of new Set(['', ...always, ...(dirs.ifShown ?? [])])) {
        const depth = dir === '' ? 0 : dir.split('/').length;
        levels.set(depth, [...(levels.get(depth) ?? []), dir]);
    }
    for (const depth of [...levels.keys()].sort((a, b) => a - b)) {
        const wanted = (levels.get(depth) ?? []).filter(dir => dir === '' || always.has(dir) || index.dirs.has(dir));
        const listed = list.many !== undefined ? await list.many(wanted.map(dir => (0,remote_path/* remotePathOf */.fF)(remoteRoot, dir))) : undefined;
        await forEachLimited([...wanted.keys()], concurrency, async (i) => {
            const dir = wanted[i];
            const infos = listed !== undefined ? listed[i] : await list((0,remote_path/* remotePathOf */.fF)(remoteRoot, dir));
            if (infos === undefined)
                return;
            if (dir !== '')
                index.dirs.add(dir);
            for (const info of infos) {
                // '.', '..' and names no entry can have (a '/', a backslash): never indexed, so never
                // replaced or removed by name.
                if (!(0,remote_path/* safeName */.jC)(info.name))
                    continue;
                const rel = dir === '' ? info.name : `${dir}/${info.name}`;
                if (info.type === EntryType.Directory)
                    index.dirs.add(rel);
                else if (TEMP_NAME.test(info.name))
                    temps.push(rel);
                else
                    index.files.set(rel, info.size);
            }
        });
    }
    return { index, temps };
}
/**
 * Where the given files stand on the server: their directories are listed (and `ifShown` ones
 * where their parent shows them), and files a listing does not show (servers that hide
 * dotfiles) are asked for one by one with SIZE.
 */
async function indexFiles(c, paths, ifShown = []) {
    const always = new Set(paths.flatMap(remote_path/* parentDirs */.vB));
    const { index, temps } = await indexDirs(c.list, c.remoteRoot, { always, ifShown }, c.concurrency);
    const unseen = paths.filter(path => !index.files.has(path));
    await forEachLimited(unseen, c.concurrency, async (path) => {
        const size = await c.pool.run(`SIZE ${path}`, async (session) => {
            try {
                return await session.size(external_node_path_.posix.join(c.remoteRoot, path));
            }
            catch (err) {
                if (err instanceof errors/* ReplyError */.vO && err.code === 550)
                    return undefined;
                throw err;
            }
        });
        if (size !== undefined)
            index.files.set(path, size);
    });
    return { index, temps };
}

;// CONCATENATED MODULE: ./src/apply/checks.ts
/** The checks around uploads: what was sent is what was planned, and the server holds all of it. */


/** What was sent is what was planned (and hashed): else the file is being written locally. */
function sentAsPlanned(file, sent) {
    if (sent.size !== file.size || (file.sha256 !== undefined && sent.sha256 !== file.sha256)) {
        // Final: its upload would not match the manifest.
        throw new errors/* DeployError */.sH(`${file.relPath} changed while it was being uploaded (${file.size} bytes found, ${sent.size} bytes sent): run the deploy again once it is complete`, { file: file.relPath, transient: false });
    }
}
/** An upload's failure as one message naming the file, the command and the server's reply. */
function uploadFailure(file, remotePath, err) {
    // Stopped by a cancel: 'Upload of a.js: stopped, the deploy was cancelled (SIGINT)' says it all.
    if (err instanceof errors/* CancelledError */.cc || (err instanceof errors/* DeployError */.sH && err.details.file !== undefined))
        return err;
    if (err instanceof errors/* DeployError */.sH) {
        return new errors/* DeployError */.sH(`Upload of ${file.relPath} to ${remotePath} failed: ${err.message}`, { ...err.details, file: file.relPath }, { cause: err });
    }
    if (err instanceof errors/* ReplyError */.vO) {
        return new errors/* DeployError */.sH(`Upload of ${file.relPath} failed: the server answered STOR ${remotePath} with ${err.message}`, {
            file: file.relPath,
            command: 'STOR',
            code: err.code,
            reply: err.message
        });
    }
    return new errors/* DeployError */.sH(`Upload of ${file.relPath} to ${remotePath} failed: ${(0,errors/* describeError */.Uc)(err)}`, { file: file.relPath, command: 'STOR' }, { cause: err });
}
/** At the end: every file this run claims to have uploaded is on the server at its size. */
async function checkUploaded(uploaded, c) {
    if (uploaded.length === 0)
        return;
    const paths = uploaded.map(f => f.relPath);
    const { index } = await indexFiles(c, paths);
    const wrong = uploaded.filter(f => index.files.get(f.relPath) !== f.size);
    if (wrong.length === 0)
        return;
    for (const file of wrong)
        await c.store.forgotten(file.relPath);
    const shown = wrong
        .slice(0, 10)
        .map(f => `${f.relPath} (${index.files.get(f.relPath) ?? 'missing'} of ${f.size} bytes)`);
    throw new errors/* DeployError */.sH(`${wrong.length} uploaded file(s) are not on the server as sent: ${shown.join(', ')}${wrong.length > 10 ? ', …' : ''}`, { file: wrong[0].relPath, command: 'LIST' });
}

// EXTERNAL MODULE: ./src/core/plan-text.ts
var plan_text = __nccwpck_require__(4166);
;// CONCATENATED MODULE: ./src/apply/apply.ts
/**
 * Carries out a plan over the session pool: retries and fallbacks (in the pool and the
 * replacer), progress, the manifest kept current as the server changes, and a report of every
 * step done in the plan's own words.
 */








async function applyPlan(plan, ctx) {
    const { pool, store, replacer, log } = ctx;
    const done = { steps: [], uploaded: [], adopted: [], deleted: [], bytesUploaded: 0 };
    const did = (step) => {
        done.steps.push(step);
        log.info((0,plan_text/* stepText */.uw)(step, 'done'));
    };
    const at = (path) => (0,remote_path/* remotePathOf */.fF)(plan.remoteRoot, path);
    try {
        await forEachLimited(plan.leftovers, ctx.concurrency, async (path) => {
            // Already gone (another run removed it): nothing left to do.
            await pool.run(`Removing ${path}`, session => quietly(session.remove(at(path))));
            did({ kind: 'remove leftover', path });
        });
        if (plan.createRoot.length + plan.mkdirs.length > 0) {
            const detail = (0,plan_text/* dirDetail */.dY)(plan);
            const created = await createDirs(pool, [...plan.createRoot, ...plan.mkdirs.map(at)], plan.dirMode, log);
            plan.createRoot.forEach(dir => did({ kind: 'create root directory', path: dir, detail }));
            plan.mkdirs.forEach((dir, i) => {
                if (created[plan.createRoot.length + i])
                    store.dirCreated(dir);
                did({ kind: 'create directory', path: dir, detail });
            });
        }
        // Before a file is replaced the manifest stops vouching for it: a run that dies midway must
        // not leave an entry for content the server no longer has (same size, other bytes).
        if (store.forgetAll(plan.forget)) {
            await store.flush();
            did({ kind: 'write manifest', path: '', detail: (0,plan_text/* forgetDetail */.d_)(plan) });
        }
        // Already on the server as they are here: only the manifest learns of them (the final write).
        store.recordAll(plan.adopt.map(a => [a.file.relPath, { sha256: a.sha256, size: a.file.size }]));
        for (const adopted of plan.adopt) {
            done.adopted.push(adopted.file.relPath);
            did((0,plan_text/* adoptStep */.Jv)(adopted));
        }
        // The last upload or deletion is followed by the final write: no checkpoint just before it.
        store.expectChanges(plan.uploads.length + plan.deletes.length);
        const totalBytes = plan.uploads.reduce((sum, u) => sum + u.file.size, 0);
        // The bar appears, and its clock starts, as the first upload begins.
        if (plan.uploads.length > 0)
            log.progress?.({ files: 0, totalFiles: plan.uploads.length, bytes: 0, totalBytes });
        // Records of files that went live, awaited by the upload that saw them go (a checkpoint may
        // write the manifest): a file goes live when a later write carries its rename.
        const records = [];
        const checked = { files: 0, bytes: 0 };
        const recorded = async () => {
            for (const record of records.splice(0))
                await record;
        };
        const upload = async ({ file, replaces, respells }) => {
            const remotePath = at(file.relPath);
            // The manifest records the hash of the bytes that went: most files are hashed only then.
            let sha256 = '';
            const live = () => {
                done.uploaded.push(file);
                done.bytesUploaded += file.size;
                did({ kind: replaces ? 'replace' : 'upload', path: file.relPath, detail: (0,plan_text/* uploadDetail */.lQ)(file.size, plan) });
                const record = store.recorded(file.relPath, { sha256, size: file.size });
                record.catch(() => undefined); // awaited by `recorded`
                records.push(record);
            };
            try {
                await pool.run(`Upload of ${file.relPath}`, async (session) => {
                    // In place, a STOR onto another spelling keeps that spelling (NTFS): the old name goes first.
                    if (respells !== undefined && replacer.mode === 'direct')
                        await quietly(session.remove(at(respells)));
                    return replacer.put(session, (0,local_files/* localSource */.j1)(file.localPath), remotePath, {
                        name: file.relPath,
                        sent: sent => {
                            sentAsPlanned(file, sent);
                            sha256 = sent.sha256;
                        },
                        verifySize: ctx.verify,
                        // verify: hash: the server's own hash of the bytes.
                        stored: ctx.hashes && ((on, path, sent) => ctx.hashes.check(on, file, path, sent)),
                        // While it has its temporary name: the file appears with its mode.
                        mode: plan.fileMode
                    }, live);
                });
            }
            catch (err) {
                throw uploadFailure(file, remotePath, err);
            }
            // Progress counts files uploaded and checked (under `end` none is live before the burst).
            checked.files += 1;
            checked.bytes += file.size;
            log.progress?.({ files: checked.files, totalFiles: plan.uploads.length, bytes: checked.bytes, totalBytes });
            await recorded();
        };
        /** The checked files whose renames are pending go live: a phase ends. */
        const goLive = async () => {
            await replacer.goLive(pool);
            await recorded();
        };
        // Every new file is there before the first replacement: a replaced page may link to them.
        if (ctx.cutover === 'end') {
            // All uploaded and checked first; then one burst of renames, new files first.
            await forEachLimited(plan.uploads, ctx.concurrency, upload);
            const fresh = new Set(plan.uploads.filter(u => !u.replaces).map(u => at(u.file.relPath)));
            await replacer.burst(pool, target => fresh.has(target), ctx.concurrency);
            await recorded();
            await replacer.burst(pool, () => true, ctx.concurrency);
            await recorded();
            log.info(windowText(replacer));
        }
        else {
            await forEachLimited(plan.uploads.filter(u => !u.replaces), ctx.concurrency, upload);
            await goLive();
            await forEachLimited(plan.uploads.filter(u => u.replaces), ctx.concurrency, upload);
            await goLive();
        }
        done.cutover = { mode: ctx.cutover, windowMs: replacer.window.ms, renamed: replacer.window.renamed };
        await forEachLimited(plan.deletes, ctx.concurrency, async (path) => {
            await pool.run(`Deleting ${path}`, async (session) => {
                try {
                    await session.remove(at(path));
                }
                catch (err) {
                    if (!(err instanceof errors/* ReplyError */.vO && err.code === 550))
                        throw err;
                }
            });
            done.deleted.push(path);
            did({ kind: 'delete', path });
            await store.forgotten(path);
        });
        for (const dir of plan.rmdirs) {
            await pool.run(`Removing ${dir}`, async (session) => {
                // Not empty: it holds files this tool never deployed, which it never touches.
                if (await quietly(session.removeDir(at(dir)))) {
                    store.dirRemoved(dir);
                    did({ kind: 'remove directory', path: dir });
                }
                else
                    log.info(`kept directory ${dir}: not empty (it holds files this tool did not deploy)`);
            });
        }
        if (ctx.verify)
            await checkUploaded(done.uploaded, { ...ctx, remoteRoot: plan.remoteRoot });
    }
    catch (err) {
        log.info(`Stopped after ${done.steps.length} of the plan's ${(0,plan_text/* applySteps */.GF)(plan).length} steps`);
        await cleanUpAfterFailure(replacer, pool, log);
        // Whatever happened, the server's state so far is recorded: the next run resumes from it.
        await store
            .flush()
            .catch(flushErr => log.warning(`Could not record the deploy's progress in the manifest: ${(0,errors/* describeError */.Uc)(flushErr)}`));
        throw err;
    }
    await replacer.cleanUp(pool);
    if (plan.writeManifest) {
        store.touch();
        try {
            await store.flush();
        }
        catch (err) {
            throw new errors/* DeployError */.sH(`Could not write the manifest: ${(0,errors/* describeError */.Uc)(err)}`, {}, { cause: err });
        }
        did({ kind: 'write manifest', path: '', detail: 'final' });
    }
    log.info(`Done: ${(0,plan_text/* doneText */.ks)((0,plan_text/* applySteps */.GF)(plan), done.steps)}`);
    return done;
}
/** The burst in the log: how many files went live and how long visitors could see a mix. */
function windowText(replacer) {
    const { ms, renamed } = replacer.window;
    return ms === null ? 'Nothing went live' : `Went live: ${renamed} file(s) renamed into place within ${ms} ms`;
}
/** Removes this run's temporaries; those it cannot (no time left after a cancel, no server), the next run removes. */
async function cleanUpAfterFailure(replacer, pool, log) {
    await replacer.cleanUp(pool);
    const left = replacer.unsettled;
    if (left.length > 0) {
        log.warning(`Could not remove ${left.length} temporary file(s) of this run (the next run removes them): ${left.slice(0, 3).join(', ')}${left.length > 3 ? ', …' : ''}`);
    }
}
/**
 * Creates directories on one connection, together where the server takes it. Where that step
 * loses its connection or times out (a network that cuts a connection after so many bytes cuts
 * a burst of MKDs on every try), it is not tried again: each directory becomes a step of its own,
 * with its own retries, so every try makes progress. Says for each whether this run created it
 * (one the lost burst made counts as found).
 */
async function createDirs(pool, dirs, mode, log) {
    try {
        return await pool.run('Creating directories', session => makeDirs(session, dirs, mode), { retries: 0 });
    }
    catch (err) {
        if (!isTransient(err))
            throw err;
        log.info(`Creating directories: ${(0,errors/* describeError */.Uc)(err)}; creating them one at a time`);
        const created = [];
        for (const dir of dirs)
            created.push(await pool.run(`Creating ${dir}`, session => makeDir(session, dir, mode)));
        return created;
    }
}
/**
 * Creates directories, parents before children, and gives those this run created `mode`:
 * all MKDs in one write where the server takes pipelined commands (a refused one, which may
 * exist already, is then tried again on its own). Says for each whether it was created.
 */
async function makeDirs(session, dirs, mode) {
    if (!session.server.pipelining || dirs.length < 2) {
        const created = [];
        for (const dir of dirs)
            created.push(await makeDir(session, dir, mode));
        return created;
    }
    const made = await session.together(dirs.map(path => ({ kind: 'mkdir', path })));
    const created = [];
    for (const [i, dir] of dirs.entries()) {
        const ok = made[i].done;
        if (ok && mode !== undefined)
            await session.chmod(dir, mode);
        created.push(ok || (await makeDir(session, dir, mode)));
    }
    return created;
}

;// CONCATENATED MODULE: ./src/core/hash-names.ts
/** The hash algorithms a server's hash command may answer in, and their names in the protocol. */
/** The names HASH and OPTS HASH use (IANA hash function text names). */
const IANA_NAME = {
    sha256: 'SHA-256',
    sha512: 'SHA-512',
    sha1: 'SHA-1',
    md5: 'MD5'
};

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
;// CONCATENATED MODULE: ./src/local/hash.ts
/** Content hashes of local files: small ones read in one call, larger ones streamed. */




async function sha256File(path) {
    return (await hashFile(path, ['sha256'])).sha256;
}
/** A file's digests in several algorithms (createHash names), read once. */
async function hashFile(path, algorithms) {
    const hashes = algorithms.map(algorithm => (0,external_node_crypto_.createHash)(algorithm));
    const whole = (0,local_files/* readSmall */.o5)(path);
    if (whole !== undefined)
        for (const hash of hashes)
            hash.update(whole);
    else
        for await (const chunk of (0,external_node_fs_.createReadStream)(path, { highWaterMark: local_files/* CHUNK_BYTES */.EC }))
            for (const hash of hashes)
                hash.update(chunk);
    return Object.fromEntries(algorithms.map((algorithm, i) => [algorithm, hashes[i].digest('hex')]));
}
/** Hashes the files `wanted` picks; the others keep no hash (they are hashed as they are sent). */
async function hashFiles(files, wanted = () => true, parallel = 4) {
    const hashed = files.map(file => ({ ...file }));
    await forEachLimited(hashed.filter(file => wanted(file)), parallel, async (file) => {
        file.sha256 = await sha256File(file.localPath);
    });
    return hashed;
}

;// CONCATENATED MODULE: ./src/apply/verify-hash.ts
/**
 * verify: hash: after an upload (before the rename, in atomic mode), the server's own hash of
 * the file must be the hash of the bytes sent; a mismatch is retried like a short upload.
 */



class HashCheck {
    log;
    warned = false;
    constructor(log) {
        this.log = log;
    }
    async check(session, file, path, sent) {
        // An empty file is all there once its size is 0 (and X commands refuse an empty range).
        if (sent.size === 0)
            return;
        const server = await session.hash(path, sent.size);
        if (server === undefined)
            return this.unverifiable(session, file);
        let expected = sent.sha256;
        if (server.algorithm !== 'sha256') {
            // Only SHA-256 is counted as the bytes go: the file is read again, and must still be them.
            const local = await hashFile(file.localPath, ['sha256', server.algorithm]);
            if (local.sha256 !== sent.sha256) {
                throw new errors/* DeployError */.sH(`${file.relPath} changed while it was being uploaded: uploading it again`, {
                    file: file.relPath,
                    transient: true
                });
            }
            expected = local[server.algorithm];
        }
        if (server.hex !== expected) {
            // Transient: a retry on a new connection may deliver the bytes intact.
            throw new errors/* DeployError */.sH(`Upload of ${file.relPath} does not match what was sent: the server's ${IANA_NAME[server.algorithm]} of it is ${server.hex}, the bytes sent hash to ${expected}`, { file: file.relPath, command: server.verb, transient: true });
        }
    }
    /** Said once a run: where the server gives no hash, uploads are checked by size only. */
    unverifiable(session, file) {
        if (this.warned)
            return;
        this.warned = true;
        this.log.warning(session.server.hashAlgorithm === undefined
            ? 'verify: hash: the server offers no hash command (HASH, XSHA256, XSHA512, XSHA1 or XMD5 in FEAT): uploads are checked by size only'
            : `verify: hash: the server gave no usable hash of ${file.relPath}: files it will not hash are checked by size only`);
    }
}

;// CONCATENATED MODULE: ./src/apply/carry-out.ts
/**
 * A real run's apply, set up: the replacer (the one replace strategy, from the server record),
 * the manifest as the run starts it (stale entries dropped) and its writer, then the plan
 * carried out. A dry run's outcome is the plan itself (`asPlanned`).
 */







function carryOut(plan, c) {
    const { pool, settings, log } = c;
    const replacer = new Replacer(pool.server, c.names, settings.cutover === 'end');
    const manifest = (0,core_manifest/* copyManifest */.nX)(c.state.manifest);
    for (const path of plan.stale)
        manifest.files.delete(path);
    const writer = manifestWriter(pool, replacer, (0,remote_path/* remotePathOf */.fF)(c.remoteRoot, settings.manifest), {
        backupExists: c.state.manifestFrom === 'backup'
    });
    return applyPlan(plan, {
        pool,
        store: new ManifestStore(manifest, writer, log),
        replacer,
        list: c.list,
        concurrency: settings.concurrency,
        verify: settings.verify,
        hashes: settings.verifyHash ? new HashCheck(log) : undefined,
        cutover: settings.cutover,
        log
    });
}
/** What a dry run reports: the plan's uploads, adoptions and deletions, as if done; no step applied. */
function asPlanned(plan) {
    return {
        steps: [],
        uploaded: plan.uploads.map(u => u.file),
        adopted: plan.adopt.map(a => a.file.relPath),
        deleted: plan.deletes,
        bytesUploaded: plan.uploads.reduce((sum, u) => sum + u.file.size, 0)
    };
}

;// CONCATENATED MODULE: ./src/core/plan.ts

/** A manifest entry counts only if the server still holds that file at that size. */
function staleEntries(manifest, remote) {
    return [...manifest.files].filter(([path, entry]) => remote.files.get(path) !== entry.size).map(([path]) => path);
}
/**
 * Whether a file could be skipped, so is worth hashing: the manifest records it at this size.
 * Every other file is uploaded anyway, and hashed as it is sent.
 */
function mayBeUnchanged(file, manifest, sync) {
    return sync === 'changed' && manifest.files.get(file.relPath)?.size === file.size;
}
const bySizeDescending = (a, b) => b.file.size - a.file.size;
function planDeploy(local, remote, options) {
    const { manifest, index } = remote;
    const stale = staleEntries(manifest, index);
    const staleSet = new Set(stale);
    // On a server that folds case, a path is one file with every spelling of it.
    const key = remote.foldsCase === true ? remote_path/* foldName */.zN : (path) => path;
    const onServer = new Map([...index.files.keys()].map(path => [key(path), path]));
    const uploads = [];
    const skip = [];
    const adopt = [];
    for (const file of local) {
        const entry = manifest.files.get(file.relPath);
        const unchanged = options.sync === 'changed' &&
            entry !== undefined &&
            !staleSet.has(file.relPath) &&
            file.sha256 !== undefined &&
            entry.sha256 === file.sha256 &&
            entry.size === file.size;
        const adoption = remote.adopted?.get(file.relPath);
        if (unchanged)
            skip.push(file);
        else if (adoptable(file, adoption))
            adopt.push({ file, sha256: adoption.sha256, evidence: adoption.evidence });
        else {
            const held = onServer.get(key(file.relPath));
            const respells = held !== undefined && held !== file.relPath && !index.files.has(file.relPath) ? held : undefined;
            uploads.push({ file, replaces: held !== undefined, ...(respells === undefined ? {} : { respells }) });
        }
    }
    // Largest first within each group: long transfers start early instead of finishing last.
    const ordered = [
        ...uploads.filter(u => !u.replaces).sort(bySizeDescending),
        ...uploads.filter(u => u.replaces).sort(bySizeDescending)
    ];
    const localPaths = new Set(local.map(f => f.relPath));
    const localKeys = new Set(local.map(f => key(f.relPath)));
    const aliases = [...manifest.files.keys()]
        .filter(path => !localPaths.has(path) && localKeys.has(key(path)) && !staleSet.has(path))
        .sort();
    const deletes = options.delete
        ? [...manifest.files.keys()].filter(path => !localKeys.has(key(path)) && index.files.has(path)).sort()
        : [];
    const mkdirs = neededDirs(ordered.map(u => u.file.relPath)).filter(dir => !index.dirs.has(dir));
    const forget = [
        ...ordered.map(u => u.file.relPath).filter(path => manifest.files.has(path) && !staleSet.has(path)),
        ...aliases
    ];
    const deleted = new Set(deletes);
    const kept = [
        ...[...manifest.files.keys()].filter(path => !staleSet.has(path) && !deleted.has(path)),
        ...adopt.map(a => a.file.relPath)
    ];
    const rmdirs = deletes.length > 0
        ? emptiedDirs(new Set([...manifest.dirs, ...mkdirs]), [...kept, ...ordered.map(u => u.file.relPath)], key)
        : [];
    return {
        remoteRoot: options.remoteRoot,
        fileMode: options.fileMode,
        dirMode: options.dirMode,
        lock: options.lock === true,
        createRoot: remote.rootExists || ordered.length === 0 ? [] : rootChain(options.remoteRoot, options.home),
        leftovers: [...remote.abandoned].sort(),
        mkdirs,
        forget,
        aliases,
        uploads: ordered,
        skip,
        adopt,
        deletes,
        rmdirs,
        stale,
        writeManifest: remote.restoreManifest === true ||
            ordered.length + adopt.length + deletes.length + stale.length + mkdirs.length + rmdirs.length + aliases.length > 0
    };
}
/** An adoption stands for this file: same size, and the same content where it was hashed already. */
function adoptable(file, adoption) {
    return adoption !== undefined && adoption.size === file.size && (file.sha256 ?? adoption.sha256) === adoption.sha256;
}
/** remote-dir and its parents below the login directory (or from / when outside it). */
function rootChain(remoteRoot, home) {
    const homeChain = new Set((0,remote_path/* pathPrefixes */.ux)(home));
    return (0,remote_path/* pathPrefixes */.ux)(remoteRoot).filter(dir => !homeChain.has(dir));
}
const depth = (p) => p.split('/').length;
const byName = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
/** Directories this tool created that hold none of the files the manifest keeps: deepest first. */
function emptiedDirs(createdDirs, keptFiles, key = path => path) {
    const occupied = new Set();
    for (const file of keptFiles)
        for (const dir of (0,remote_path/* parentDirs */.vB)(file))
            occupied.add(key(dir));
    return [...new Set(createdDirs)]
        .filter(dir => !occupied.has(key(dir)))
        .sort((a, b) => depth(b) - depth(a) || byName(b, a));
}
/** Every directory (remote-relative, parents first) the files need. */
function neededDirs(paths) {
    const dirs = new Set();
    for (const path of paths)
        for (const dir of (0,remote_path/* parentDirs */.vB)(path))
            dirs.add(dir);
    return [...dirs].sort((a, b) => depth(a) - depth(b) || byName(a, b));
}

;// CONCATENATED MODULE: ./src/core/result.ts
/** The result, built once: from what apply returned (or the plan, in a dry run), and the run's facts. */
function resultOf(r) {
    const skipped = [...r.plan.skip.map(f => f.relPath), ...r.done.adopted];
    return {
        dryRun: r.dryRun,
        uploaded: r.done.uploaded.map(f => f.relPath).sort(),
        bytesUploaded: r.done.bytesUploaded,
        skipped: skipped.sort(),
        filesSkipped: skipped.length,
        adopted: [...r.done.adopted].sort(),
        deleted: [...r.done.deleted].sort(),
        listing: r.listing,
        tlsVersion: r.first.tlsVersion,
        fingerprint: r.first.fingerprint,
        remoteRoot: r.remoteRoot,
        durationMs: r.durationMs,
        planned: r.planned,
        applied: r.applied,
        ...(r.done.cutover === undefined ? {} : { cutover: r.done.cutover })
    };
}

;// CONCATENATED MODULE: ./src/apply/swap.ts
/**
 * `cutover: swap` and `rollback` on the server: the probe that the server renames directories
 * (before anything is uploaded), the spare copy made ready (the previous release reused), and the
 * switch itself: `remote-dir` to `<remote-dir>.ftps-deploy-prev` and the spare copy to
 * `remote-dir` in one write (RNFR, RNTO, RNFR, RNTO where the server takes commands together).
 */






/** Which of remote-dir, the spare copy and the previous release exist (names in remote-dir's parent). */
async function present(pool, p) {
    const names = await pool.run(`Listing ${p.parent}`, async (session) => {
        try {
            return new Set((await session.list(p.parent)).map(e => e.name));
        }
        catch (err) {
            if (isRefusal(err))
                return new Set();
            throw err;
        }
    });
    return path => names.has(external_node_path_.posix.basename(path));
}
/**
 * Before any upload: the server must rename a directory (a probe beside remote-dir, made and
 * removed), and the spare copy is made ready: the previous release becomes it where there is no
 * spare copy yet, so only what differs goes over the wire. Says whether remote-dir exists.
 */
async function prepareSwap(pool, p, tag, log) {
    await pool.run('Checking that the server renames directories', async (session) => {
        const probe = external_node_path_.posix.join(p.parent, `.ftps-deploy-probe.${tag}`);
        await session.makeDir(probe);
        try {
            await session.rename(probe, `${probe}.moved`);
        }
        catch (err) {
            await quietly(session.removeDir(probe)).catch(() => false);
            if (!isRefusal(err))
                throw err;
            throw new errors/* DeployError */.sH(`cutover: swap needs a server that renames directories, and this one refused (${(0,errors/* describeError */.Uc)(err)}); ` +
                'nothing was uploaded. Use cutover: end instead', { transient: false });
        }
        await quietly(session.removeDir(`${probe}.moved`));
    });
    const exists = await present(pool, p);
    if (exists(p.next) && exists(p.prev)) {
        throw new errors/* DeployError */.sH(`cutover: swap found both ${p.next} and ${p.prev}: remove the one not wanted (nothing was changed)`, { transient: false });
    }
    if (!exists(p.next) && exists(p.prev)) {
        log.info(`The previous release ${p.prev} becomes the spare copy ${p.next}, brought up to date by this run`);
        await pool.run('Reusing the previous release', session => session.rename(p.prev, p.next), { retries: 0 });
    }
    return exists(p.live);
}
/**
 * The switch, in one write: remote-dir (where it exists) becomes the previous release, the spare
 * copy becomes remote-dir. Where the second rename is refused, the first is undone at once.
 * Not retried (a lost write leaves it in doubt: the next run finds out). The window is the time
 * from the write to its last reply: remote-dir is missing at most that long.
 */
async function switchReleases(pool, p, liveExists, log, rollback = false) {
    const [aside, back] = rollback ? [p.next, p.prev] : [p.prev, p.next];
    const renames = [
        ...(liveExists ? [{ from: p.live, to: aside, clearFirst: false }] : []),
        { from: back, to: p.live, clearFirst: false }
    ];
    return pool.run(rollback ? 'Putting the previous release back' : 'Switching releases', async (session) => {
        const started = performance.now();
        const done = await session.commit({ renames });
        const windowMs = Math.round(performance.now() - started);
        const [first, second] = liveExists ? done.renames : [undefined, done.renames[0]];
        if (first !== undefined)
            throw new errors/* DeployError */.sH(`Could not switch releases: ${first.message}`, first.details);
        if (second !== undefined) {
            if (liveExists)
                await session.rename(aside, p.live);
            throw new errors/* DeployError */.sH(`Could not switch releases: ${second.message} (${p.live} was put back as it was)`, second.details);
        }
        log.info(`Switched ${p.live} to ${rollback ? 'the previous release' : 'the new release'}: ${renames.length} rename(s) in one write, ${windowMs} ms`);
        return { mode: 'swap', windowMs, renamed: renames.length };
    }, { retries: 0 });
}
/** rollback: the previous release back in one write; fails, changing nothing, without one. */
async function rollBack(pool, p, log, dryRun) {
    const exists = await present(pool, p);
    if (!exists(p.prev)) {
        throw new errors/* DeployError */.sH(`rollback: there is no previous release to put back (${p.prev} does not exist); nothing was changed`, {
            transient: false
        });
    }
    if (exists(p.next)) {
        throw new errors/* DeployError */.sH(`rollback: the spare copy ${p.next} is in the way (remove it to roll back); nothing was changed`, {
            transient: false
        });
    }
    if (dryRun) {
        log.info(`Would put the previous release ${p.prev} back as ${p.live}`);
        return undefined;
    }
    return switchReleases(pool, p, exists(p.live), log, true);
}
/** A rollback's result: nothing uploaded, skipped or deleted; the switch back, and the listing after it. */
function rolledBack(r) {
    const nothing = { manifest: (0,core_manifest/* emptyManifest */.dR)(), index: { files: new Map(), dirs: new Set() }, rootExists: true };
    const plan = planDeploy([], { ...nothing, abandoned: [] }, { sync: 'changed', delete: false, remoteRoot: r.remoteRoot, home: '' });
    const done = { steps: [], uploaded: [], adopted: [], deleted: [], bytesUploaded: 0, cutover: r.cutover };
    return resultOf({ ...r, dryRun: r.settings.dryRun, plan, done, planned: [], applied: [] });
}

;// CONCATENATED MODULE: ./src/core/delete-limit.ts
/**
 * `max-delete`: the most files one run may delete. A plan over the limit, and over
 * DELETE_FLOOR files, fails before anything changes: the deploy of a wrong `local-dir` with
 * `delete: true` would otherwise empty the site. Pure: the plan's count against the manifest's.
 */

/** A plan may always delete this many files, whatever the limit says (a small site's cleanup). */
const DELETE_FLOOR = 10;
/** The limit in files, given how many the manifest lists; undefined: no limit (100%). */
function deleteLimitOf(limit, listed) {
    if ('count' in limit)
        return limit.count;
    return limit.percent >= 100 ? undefined : Math.floor((limit.percent * listed) / 100);
}
/** Why a plan deleting `deletes` of the `listed` files may not go ahead, or undefined. */
function overDeleteLimit(deletes, listed, limit) {
    const most = deleteLimitOf(limit, listed);
    if (most === undefined || deletes <= most || deletes <= DELETE_FLOOR)
        return undefined;
    const allowed = 'count' in limit ? `${most}` : `${limit.percent}% of the ${listed} files the manifest lists: ${most}`;
    return new errors/* DeployError */.sH(`The plan would delete ${deletes} files, more than max-delete allows (${allowed}); nothing was changed. ` +
        'Check local-dir and files, or raise max-delete (100% means no limit)', { transient: false });
}

// EXTERNAL MODULE: ./src/core/log.ts
var core_log = __nccwpck_require__(4325);
;// CONCATENATED MODULE: ./src/core/swap-paths.ts
/**
 * `cutover: swap`'s places, beside remote-dir: the spare copy the run brings up to date
 * (`<remote-dir>.ftps-deploy-next`), the previous release (`<remote-dir>.ftps-deploy-prev`) and
 * the lock (`<remote-dir>.ftps-deploy.lock`), all in remote-dir's parent. Pure.
 */


/** The places of a swap of remote-dir `live`; the login directory (a chroot's root cannot be renamed) or `/` is refused. */
function swapPaths(live, home) {
    if (live === '/' || live === home) {
        throw new errors/* DeployError */.sH(`cutover: swap renames remote-dir, and ${live} is the login directory (a chroot's root cannot be renamed): ` +
            'give a remote-dir below it (point the web root at a subdirectory such as www/current), or use cutover: end', { transient: false });
    }
    const base = external_node_path_.posix.basename(live);
    return {
        live,
        next: `${live}.ftps-deploy-next`,
        prev: `${live}.ftps-deploy-prev`,
        parent: external_node_path_.posix.dirname(live),
        lockName: `${base}.ftps-deploy.lock`
    };
}

// EXTERNAL MODULE: ./node_modules/basic-ftp/dist/index.js
var dist = __nccwpck_require__(7382);
// EXTERNAL MODULE: external "node:tls"
var external_node_tls_ = __nccwpck_require__(1692);
;// CONCATENATED MODULE: ./src/core/server-record.ts
class ServerRecord {
    log;
    /** Uploads were asked to go live by rename (`atomic`), whatever `replace` has come down to. */
    atomic;
    /** How an upload goes live (`atomic: false` starts at 'direct'). */
    replace;
    /** SITE CHMOD worked once: later uploads send it with the rename instead of before. */
    chmodWorks = false;
    /** Commands sent together before their replies (RFC 959 queueing). */
    pipelining = true;
    /**
     * USER and PASS go in the same write as the session's set-up (FEAT ... PWD). pyftpdlib answers
     * a wrong password late and the commands after it first: one at a time there.
     */
    loginTogether = true;
    /** Uploads start TLS on their data connection as soon as TCP is up, before the 1xx. */
    earlyTls = true;
    /**
     * The server reads the command after a STOR only once the transfer is over (vsftpd, ProFTPD):
     * the next transfer's passive port is asked for behind the STOR and comes with its 226, so the
     * next data connection starts with the checks' write (3 round trips a file, not 4). False once
     * a server answers such a command during the transfer (pure-ftpd: 500).
     */
    readsAfterTransfer = true;
    /** STAT <dir> lists a directory on the control connection (else LIST or MLSD). */
    statLists = true;
    /** EPSV answers (else PASV). */
    epsv = true;
    /** SIZE is offered (false after 500 or 502, RFC 3659 is optional, or a 550 that refuses the command). */
    size = true;
    /** How directories are listed over a data connection: MLSD where FEAT offers MLST, else LIST. */
    listCommand;
    /** The hash algorithm the server's hash command answers in (FEAT; SHA-256 preferred), if any. */
    hashAlgorithm;
    /** Whether names that differ in letter case alone are one file here (probed when it matters). */
    foldsCase;
    /**
     * The key-exchange group the server chose for a control connection (TLS): later connections,
     * control and data, offer it first (a TLS 1.3 key share for another costs a HelloRetryRequest).
     */
    keyGroup;
    /** The connection limit the server announced when it refused a connection, if it did. */
    connectionLimit;
    /**
     * What ended the run, whoever met it first (a data connection whose certificate is not the
     * pinned one): no session opens after it and the run fails with it, even where a step would
     * have shrugged the failure off.
     */
    stopped;
    constructor(log, options) {
        this.log = log;
        this.atomic = options.atomic;
        this.replace = options.atomic ? 'rename' : 'direct';
    }
    /**
     * What the greeting tells: IIS and FileZilla Server mishandle commands sent together (lftp
     * turns pipelining off for IIS; FileZilla Server 1.x drops the connection); pyftpdlib before
     * 1.5.9 resets data connections whose TLS starts before the 1xx, answers an EPSV during a
     * transfer by dropping the transfer (never answering the STOR), and a wrong password late.
     */
    greeted(greeting) {
        if (/Microsoft FTP Service|FileZilla Server/i.test(greeting))
            this.pipelining = false;
        if (/pyftpdlib/i.test(greeting)) {
            this.earlyTls = false;
            this.readsAfterTransfer = false;
            this.loginTogether = false;
        }
    }
    /** A server's replies to commands sent together did not match them: one at a time from now on. */
    pipeliningConfused(why) {
        if (!this.pipelining)
            return;
        this.pipelining = false;
        this.log.warning(`The server's replies to commands sent together did not match them (${why}): sending one command at a time from now on`);
    }
    /**
     * Commands sent together got no reply within the timeout (a server that reads less at once than
     * we send, or drops what it queued): one at a time from now on, so the retry is a different step.
     */
    pipeliningTimedOut(what) {
        if (!this.pipelining)
            return;
        this.pipelining = false;
        this.log.warning(`Commands sent together got no reply within the timeout (${what}): sending one command at a time from now on`);
    }
    /** Whether the next transfer's passive port goes behind a STOR (see `readsAfterTransfer`). */
    get passiveBehindTransfer() {
        return this.pipelining && this.readsAfterTransfer;
    }
    /** The server answered a command sent behind a STOR before the STOR's own end: 4 round trips a file from now on. */
    answeredDuringTransfer(reply) {
        if (!this.readsAfterTransfer)
            return;
        this.readsAfterTransfer = false;
        this.log.info(`The server answered a command sent behind a STOR during the transfer (${reply}): ` +
            'the next passive port is asked for after each upload from now on');
    }
    /** STAT listings lost the connection, timed out or were too long: data connections list from now on. */
    statListsLost(why) {
        if (!this.statLists)
            return;
        this.statLists = false;
        this.log.info(`${why}: listing over data connections (LIST or MLSD), one directory at a time, from now on`);
    }
    /** The server reset a data connection whose TLS started before its 1xx: after the 1xx from now on. */
    earlyTlsReset() {
        if (!this.earlyTls)
            return;
        this.earlyTls = false;
        this.log.warning('The server reset a data connection whose TLS handshake started before its reply to STOR (pyftpdlib before 1.5.9 does): ' +
            'data connections start TLS after the reply from now on (a round trip more per file)');
    }
    /** SIZE refused as a command (not for a file): sizes are read from listings instead. */
    sizeUnavailable(reply) {
        if (!this.size)
            return;
        this.size = false;
        this.log.warning(`The server refuses SIZE (${reply}): upload sizes are read from listings instead (STAT of each temporary where the server lists that way, and the final listing)`);
    }
    /** One file's rename refused where renames work: that file is written in place, the others still renamed. */
    refusedRenameOf(name, reply) {
        if (this.replace === 'direct')
            return;
        this.log.warning(`atomic: the server refused to rename ${name}'s temporary into place (${reply}): ${name} uploaded in place, not atomically`);
    }
    refusedRenameOver(reply) {
        this.downgrade('delete-then-rename', `the server refused to rename over an existing file (${reply}): replacing files by deleting them first`);
    }
    refusedRenames(reply) {
        this.downgrade('direct', `the server refuses renames (${reply}): uploading in place, not atomically`);
    }
    /** Ends the run with `err` (the first such fault is the one reported). */
    stop(err) {
        this.stopped ??= err;
    }
    downgrade(mode, message) {
        if (this.replace === mode || this.replace === 'direct')
            return;
        this.log.warning(`atomic: ${message}`);
        this.replace = mode;
    }
}

// EXTERNAL MODULE: ./node_modules/basic-ftp/dist/transfer.js
var transfer = __nccwpck_require__(5115);
// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __nccwpck_require__(7030);
;// CONCATENATED MODULE: ./src/ftp/pipelining.ts
/** The success codes of commands whose success reply is their own (RFC 959, 2428, 3659). */
const SUCCESS = {
    USER: [230, 331, 332],
    PASS: [230, 202, 332],
    RNFR: [350],
    SIZE: [213],
    STAT: [211, 212, 213],
    EPSV: [229],
    PASV: [227],
    MKD: [257],
    PWD: [257],
    FEAT: [211],
    OPTS: [200],
    HASH: [213],
    XSHA256: [250],
    XSHA512: [250],
    XSHA1: [250],
    XMD5: [250]
};
/** Codes that answer only such commands (or a transfer): never a plain command's success. */
const OWNED = new Set([211, 212, 213, 226, 227, 229, 257]);
/** Whether `reply` can be the answer to `command`: a refusal can be anyone's, a success only its own. */
function fitsCommand(command, reply) {
    if (reply.code >= 400 && reply.code < 600)
        return true;
    const success = SUCCESS[command.split(' ')[0].toUpperCase()];
    if (success !== undefined)
        return success.includes(reply.code);
    return reply.code >= 200 && reply.code < 300 && !OWNED.has(reply.code);
}
/** The size in a 213 reply to SIZE (RFC 3659 4.2); undefined for any other reply. */
function sizeIn(reply) {
    const size = reply.code === 213 ? Number.parseInt(reply.message.slice(4).trim(), 10) : NaN;
    return Number.isSafeInteger(size) ? size : undefined;
}
/**
 * Words a server uses when its configuration refuses a command (vsftpd `cmds_denied`: `550
 * Permission denied.`; ProFTPD `<Limit>`: `550 SIZE: Operation not permitted`), as opposed to a
 * file that is not there (`550 Could not get file size.`, `550 /x: No such file or directory`).
 */
const DENIED = /permission|not permitted|not allowed|denied|disabled|forbidden|refused/i;
/**
 * SIZE unavailable for this session (RFC 3659 is optional): not offered (500, 502) or refused by
 * the server's configuration (550 with the words of a refusal). Sizes then come from listings.
 */
function sizeUnavailable(reply) {
    return reply.code === 500 || reply.code === 502 || (reply.code === 550 && DENIED.test(reply.message));
}
/** pure-ftpd and ProFTPD glob STAT's argument: such names are listed with LIST (issue 11). */
const globbed = (path) => /[[\]*?{}]/.test(path);
/**
 * Most bytes of commands in one write. ProFTPD and pure-ftpd with TLS read 4,096 bytes of a TLS
 * record and leave the rest inside OpenSSL, unread until more input comes (FACTS.md): a burst
 * above that stalls until the control timeout. Half of it leaves room for any server that reads
 * less; each write's replies are read before the next goes (a round trip per 2 KB).
 */
const BATCH_BYTES = 2048;
/** Most commands in one write (64 short MKDs fill BATCH_BYTES). */
const BATCH_COMMANDS = 64;
/**
 * The longest command line sent, CRLF included. pyftpdlib answers a line over 2,048 bytes with
 * `500 Command too long.` and then the rest of it as another command (every later reply one
 * behind); above 4,096 bytes vsftpd answers `500 Input line too long.` and hangs up, ProFTPD
 * answers nothing at all and pure-ftpd `421 Line too long`.
 */
const MAX_LINE_BYTES = 2048;
/**
 * Splits commands, given their line lengths in bytes (CRLF included), into writes of at most
 * `maxBytes` and `maxCommands` each (a line longer than `maxBytes` goes alone): the index after
 * each write's last command.
 */
function batchEnds(lineBytes, maxBytes = BATCH_BYTES, maxCommands = BATCH_COMMANDS) {
    const ends = [];
    let bytes = 0;
    let start = 0;
    lineBytes.forEach((length, i) => {
        if (i > start && (bytes + length > maxBytes || i - start >= maxCommands)) {
            ends.push(i);
            start = i;
            bytes = 0;
        }
        bytes += length;
    });
    if (lineBytes.length > start)
        ends.push(lineBytes.length);
    return ends;
}
/** A command as a failure names it: the verb and its path; the argument of PASS and ACCT never. */
function commandNamed(command) {
    const verb = command.split(' ')[0].toUpperCase();
    return verb === 'PASS' || verb === 'ACCT' ? verb : command;
}
/** Why `command` (its line `bytes` long, CRLF included) must not be sent, or undefined. */
function lineTooLong(command, bytes) {
    if (bytes <= MAX_LINE_BYTES)
        return undefined;
    return (`${commandNamed(command)}: the path is too long for an FTP command line (${bytes} bytes with the command; ` +
        `at most ${MAX_LINE_BYTES} are sent: pyftpdlib reads no longer lines, vsftpd and ProFTPD none over 4096)`);
}

;// CONCATENATED MODULE: ./src/ftp/basic-ftp.ts
/**
 * The one module that reaches inside basic-ftp: its deep `dist/` imports, `FTPContext.handle`
 * for our own STOR, `closeWithError`, `_newSocket`, the TLS session it keeps for data
 * connections, and the control socket it holds. basic-ftp is pinned to the version this was
 * checked against; __tests__/basic-ftp-internals.test.ts fails when an upgrade changes any of
 * it (see the README's development section before upgrading).
 */






/** The basic-ftp version everything here was checked against (package.json pins it). */
const BASIC_FTP_VERSION = '6.2.6';

/** The control connection's socket: TLS after AUTH TLS (or implicit TLS), plain otherwise. */
const controlSocket = (client) => client.ftp.socket;
/** After our own AUTH TLS handshake, basic-ftp must read and write through the TLS socket. */
function useControlSocket(client, socket) {
    client.ftp.socket = socket;
}
/** basic-ftp gives these options (and the control session) to the data connections it opens. */
function setDataTlsOptions(client, options) {
    client.ftp.tlsOptions = options;
}
const dataTlsOptions = (client) => client.ftp.tlsOptions;
/** The session a data connection resumes: the newest TLS 1.3 ticket, else the control session. */
function sessionToResume(client) {
    const control = client.ftp.socket;
    return client.ftp.tlsSessionStore ?? (control instanceof external_node_tls_.TLSSocket ? control.getSession() : undefined);
}
/**
 * TLS 1.3 tickets are single-use: the next data connection resumes with the newest one. A
 * session is kept only once the caller trusts the socket (`trust()`, after its pin check): a
 * resumed connection shows no certificate, so a session stored before the check would let a
 * later connection skip it.
 */
function keepSessionFrom(client, socket) {
    let trusted = false;
    let pending;
    socket.on('session', (session) => {
        if (trusted)
            client.ftp.tlsSessionStore = session;
        else
            pending = session;
    });
    return () => {
        trusted = true;
        if (pending !== undefined)
            client.ftp.tlsSessionStore = pending;
    };
}
/** The control timeout (ms), and turning it off or on while a data connection carries a STOR. */
const controlTimeout = (client) => client.ftp.timeout;
function setControlIdleTimeout(client, ms) {
    if (!client.ftp.closed)
        client.ftp.socket.setTimeout(ms);
}
/** Sends a command whose replies `handler` interprets (basic-ftp's task mechanism). */
function sendWithHandler(client, command, handler) {
    return client.ftp.handle(command, handler);
}
/**
 * sendWithHandler, and `behind` right after it in the same burst (before any reply), where the
 * command itself went out: its replies come to the same handler.
 */
function sendWithBehind(client, command, behind, handler) {
    const ftp = client.ftp;
    const encoding = nameEncoding(client);
    const sent = !/[\r\n\0]/.test(command) && lineTooLong(command, Buffer.byteLength(`${command}\r\n`, encoding)) === undefined;
    const done = sendWithHandler(client, command, handler);
    if (sent && !ftp.closed) {
        ftp.log(`> ${behind}`);
        ftp.socket.write(`${behind}\r\n`, encoding);
    }
    return done;
}
/** Ends the session with `err` as the reason every pending and later task fails with. */
function failSession(client, err) {
    client.ftp.closeWithError(err);
}
/** Connects basic-ftp's own data socket (listings, downloads) to host:port, TLS as configured. */
function connectDataSocket(client, host, port) {
    return (0,transfer.connectForPassiveTransfer)(host, port, client.ftp);
}
const dataSocketOf = (client) => client.ftp.dataSocket;
/** Binds every socket basic-ftp opens (control and data) to a local address, like ftplib. */
function bindSockets(client, localAddress) {
    client.ftp._newSocket = () => {
        const socket = new external_node_net_.Socket();
        const connect = socket.connect.bind(socket);
        socket.connect = ((options, listener) => connect({ ...options, localAddress }, listener));
        return socket;
    };
}
/**
 * basic-ftp formats a stack trace with every command for one rare error message: a tenth of a
 * small file's CPU time at several commands per file. Commands run without it.
 */
function dropTaskStacks(client) {
    const ftp = client.ftp;
    const handle = ftp.handle.bind(ftp);
    ftp.handle = (command, handler) => {
        const limit = Error.stackTraceLimit;
        Error.stackTraceLimit = 0;
        try {
            return handle(command, handler);
        }
        finally {
            Error.stackTraceLimit = limit;
        }
    };
}
/** The protocol log: every command and reply to `log`, or nothing (not even formatted). */
function setProtocolLog(client, log) {
    client.ftp.verbose = log !== undefined;
    client.ftp.log = log ?? (() => undefined);
}
/** The encoding of names on the control connection (and in listings). */
function setNameEncoding(client, encoding) {
    client.ftp.encoding = encoding;
}
/**
 * Sends `commands` together and resolves with the reply to each, in order (RFC 959 asks servers
 * to queue commands that arrive early): in writes of at most BATCH_BYTES and BATCH_COMMANDS
 * (pipelining.ts), each sent once the replies to the one before are in, so no write exceeds
 * what a server reads at once. Only for commands answered by one reply each (no transfers). A
 * reply that `fits` says cannot be its command's, or a preliminary 1xx reply, means the replies
 * no longer match the commands: rejects with a `RepliesMismatch` at once, and the session is
 * done (what follows on it cannot be trusted). A lost connection or a timeout rejects with a
 * `BatchStopped` naming the command whose reply did not come.
 */
function sendPipelined(client, commands, fits) {
    const ftp = client.ftp;
    const encoding = nameEncoding(client);
    const lengths = commands.map(command => Buffer.byteLength(`${command}\r\n`, encoding));
    for (const [i, command] of commands.entries()) {
        if (/[\r\n\0]/.test(command))
            throw new Error(`Invalid command: Contains control characters. (${command})`);
        const tooLong = lineTooLong(command, lengths[i]);
        if (tooLong !== undefined)
            throw new errors/* DeployError */.sH(tooLong, { command: command.split(' ')[0], transient: false });
    }
    if (commands.length === 0)
        return Promise.resolve([]);
    const ends = batchEnds(lengths);
    const replies = [];
    let sent = 0;
    const sendNext = () => {
        const batch = commands.slice(sent, ends.shift());
        sent += batch.length;
        // As basic-ftp logs them: no password or account in the protocol log.
        for (const command of batch)
            ftp.log(`> ${/^(PASS|ACCT) /i.test(command) ? `${command.slice(0, 4)} ###` : command}`);
        ftp.socket.write(batch.map(c => `${c}\r\n`).join(''), encoding);
    };
    const done = ftp.handle(undefined, (res, task) => {
        if (res instanceof dist.FTPError)
            res = { code: res.code, message: res.message };
        else if (res instanceof Error)
            return task.reject(res);
        const command = commands[replies.length];
        const reply = { code: res.code, message: res.message };
        if (!fits(command, reply)) {
            const err = new RepliesMismatch(`${commandNamed(command)} answered with ${reply.message}`);
            task.reject(err);
            ftp.closeWithError(err);
            return;
        }
        replies.push(reply);
        if (replies.length === commands.length)
            task.resolve(res);
        else if (replies.length === sent)
            sendNext();
    });
    sendNext();
    return done.then(() => replies, (err) => {
        if (err instanceof RepliesMismatch || !(err instanceof Error))
            throw err;
        throw new BatchStopped(commands[replies.length], err, replies);
    });
}
/** A batch of commands sent together that lost its connection or timed out, at `command`. */
class BatchStopped extends Error {
    command;
    replies;
    /** basic-ftp's control timeout: the server read no further (or never answered). */
    timedOut;
    constructor(command, cause, replies = [] // read before it stopped (a login's refusal may be among them)
    ) {
        super(`${commandNamed(command)}: ${cause.message}`, { cause });
        this.command = command;
        this.replies = replies;
        this.timedOut = isControlTimeout(cause);
    }
}
/** basic-ftp's error when the control connection was idle for the whole timeout. */
const isControlTimeout = (err) => err instanceof Error && /^Timeout \(control socket\)/.test(err.message);
/**
 * Refuses any command line longer than servers read (pipelining.ts MAX_LINE_BYTES) before it is
 * sent: vsftpd hangs up on one, ProFTPD never answers. The failure names the command and path.
 */
function refuseLongLines(client) {
    const ftp = client.ftp;
    const handle = ftp.handle.bind(ftp);
    ftp.handle = (command, handler) => {
        const tooLong = command === undefined
            ? undefined
            : lineTooLong(command, Buffer.byteLength(`${command}\r\n`, nameEncoding(client)));
        if (tooLong !== undefined) {
            return Promise.reject(new errors/* DeployError */.sH(tooLong, { command: command.split(' ')[0], transient: false }));
        }
        return handle(command, handler);
    };
}
/** Replies to pipelined commands that cannot be theirs. */
class RepliesMismatch extends Error {
}
/** A line in the protocol log, beside basic-ftp's own (only when someone reads it). */
function logProtocol(client, message) {
    if (client.ftp.verbose)
        client.ftp.log(message);
}
const nameEncoding = (client) => client.ftp.encoding ?? 'utf8';
/** The listing commands still worth trying (MLSD where FEAT offers MLST, then LIST -a, LIST). */
const listCommands = (client) => [...client.availableListCommands];
/** The listing command the server accepted: the only one tried from now on. */
function useListCommand(client, command) {
    client.availableListCommands = [command];
}
/** Sessions whose server may still answer a data connection closed unused (see skipStrayCompletions). */
const strayPending = new WeakSet();
/** A data command was refused with its data connection open: a stray 226 may follow. */
function expectStrayCompletion(client) {
    strayPending.add(client.ftp);
}
/**
 * pyftpdlib (1.5.9 and later) answers the close of a data connection that carried no transfer
 * with "226 Transfer complete.", a reply to no command: taken for the next command's reply,
 * every later reply would be one behind. After a refused data command, a 226 that comes first
 * for a later command is that one (RFC 959 has a 226 only after a 1xx): logged and skipped.
 * A transfer's 1xx ends the wait: the server has taken a new EPSV/PASV, which drops the old
 * connection without a word.
 */
function skipStrayCompletions(client) {
    const ftp = client.ftp;
    const handle = ftp.handle.bind(ftp);
    ftp.handle = (command, handler) => {
        let first = true;
        return handle(command, (res, task) => {
            const firstReply = first;
            first = false;
            if (!(res instanceof Error) && strayPending.has(ftp)) {
                if (firstReply && res.code === 226) {
                    strayPending.delete(ftp);
                    ftp.log(`Skipped '${res.message}': the answer to a data connection closed unused, not to ${command}`);
                    return;
                }
                if (res.code === 150 || res.code === 125)
                    strayPending.delete(ftp);
            }
            handler(res, task);
        });
    };
}

;// CONCATENATED MODULE: ./src/ftp/tls-options.ts
/** TLS options for control and data connections, and certificate pinning. */


/**
 * Options passed to tls.connect for the control connection and, by basic-ftp, for every
 * data connection. With pinned fingerprints the chain check is ours (see checkCertificate):
 * a pinned self-signed certificate must be accepted, which Node's verifier would refuse.
 */
function tlsOptionsFor(settings) {
    return {
        // One context for every connection: building one parses the whole CA list, a cost per data
        // connection when left to tls.connect (BENCHMARKS.md).
        secureContext: contextFor(settings),
        host: settings.host,
        // SNI must not carry an IP address (RFC 6066 3); the identity check still uses it.
        servername: isIpLiteral(settings.tlsServername) ? undefined : settings.tlsServername,
        checkServerIdentity: (_host, cert) => (0,external_node_tls_.checkServerIdentity)(settings.tlsServername, cert),
        rejectUnauthorized: settings.tlsVerify && settings.tlsFingerprints.length === 0
    };
}
/** The same options with `groups` as the key-exchange groups, in that order (data connections, see handshake.ts). */
function withGroups(settings, options, groups) {
    return groups === undefined ? options : { ...options, secureContext: contextFor(settings, groups) };
}
const contexts = new WeakMap();
function contextFor(settings, groups = '') {
    let byGroups = contexts.get(settings);
    if (byGroups === undefined)
        contexts.set(settings, (byGroups = new Map()));
    let context = byGroups.get(groups);
    if (context === undefined) {
        context = (0,external_node_tls_.createSecureContext)({
            ca: settings.caCert === undefined ? undefined : [...external_node_tls_.rootCertificates, settings.caCert],
            minVersion: 'TLSv1.2',
            maxVersion: settings.tlsMaxVersion,
            ...(groups === '' ? {} : { ecdhCurve: groups })
        });
        byGroups.set(groups, context);
    }
    return context;
}
function isIpLiteral(name) {
    return /^[\d.]+$/.test(name) || name.includes(':');
}
/** SHA-256 of the peer certificate as colon-separated uppercase hex. */
function peerFingerprint(socket) {
    const cert = socket.getPeerCertificate();
    return cert.fingerprint256 ?? '';
}
/**
 * Checks the control connection's certificate before any credentials are sent: a pin must
 * match (a mismatch always fails, even with tls-verify false); otherwise Node's verdict stands.
 */
function checkCertificate(socket, settings) {
    const fingerprint = peerFingerprint(socket);
    if (settings.tlsFingerprints.length > 0) {
        if (!settings.tlsFingerprints.includes(fingerprint)) {
            throw new errors/* DeployError */.sH(`The server certificate's SHA-256 fingerprint ${fingerprint} matches none of tls-fingerprint (${settings.tlsFingerprints.join(', ')}); refusing to log in`);
        }
        return fingerprint;
    }
    if (settings.tlsVerify && !socket.authorized) {
        throw new errors/* DeployError */.sH(`The server certificate could not be verified: ${String(socket.authorizationError)}`);
    }
    return fingerprint;
}

;// CONCATENATED MODULE: ./src/ftp/data-connection.ts
/**
 * Data connections: where they go (the control connection's peer, never a PASV address) and in
 * which order they come up (TCP with the command, TLS on its 1xx), for every transfer we make.
 */






/**
 * EPSV first (RFC 2428), PASV as fallback; either way the data connection goes to the
 * control connection's peer: the address in a PASV reply is never used (CVE-2021-4189 class,
 * and NAT'd servers announce private addresses).
 */
class PassiveConnector {
    pins;
    localAddress;
    server;
    /** A passive port asked for ahead, with the commands before it (pipelined), and when. */
    prepared;
    /** A data connection already connecting to the port asked for ahead (`connectAhead`). */
    ahead;
    constructor(pins, localAddress, 
    /** Where EPSV's refusal is kept (PASV for every session from then on), and a pin mismatch. */
    server) {
        this.pins = pins;
        this.localAddress = localAddress;
        this.server = server;
    }
    /**
     * For basic-ftp's own transfers (`client.prepareTransfer`): none run since retrieve.ts lists
     * and downloads, but one that did would still go to the right host.
     */
    prepareTransfer(client) {
        return async () => {
            const { host, port, res } = await this.passive(client);
            await connectDataSocket(client, host, port);
            const data = dataSocketOf(client);
            if (data instanceof external_node_tls_.TLSSocket && this.pins.length > 0)
                this.checkPin(data);
            return res;
        };
    }
    /**
     * For our own transfers: EPSV/PASV, then the TCP connection, which the caller's command
     * overtakes (no round trip waits for the connect). TLS starts when the caller calls `ready`
     * on the server's 1xx, as ftplib does: pyftpdlib before 1.5.9 resets a data connection whose
     * handshake starts before it has read the command (its issue 604). One inactivity timeout
     * covers the connection from connect to the last byte.
     */
    async open(client) {
        const ahead = this.ahead;
        this.ahead = undefined;
        if (ahead !== undefined)
            return ahead;
        const { host, port } = await this.passive(client);
        return this.connect(client, host, port);
    }
    /**
     * Where a passive port was asked for ahead (behind the last STOR), its TCP connection starts
     * now, while the caller's commands (the checks of the upload before) are answered: the next
     * `open` takes it. False when no port was asked for ahead (the caller asks for one then).
     */
    connectAhead(client) {
        this.dropAhead();
        const host = controlSocket(client).remoteAddress;
        const prepared = this.prepared;
        this.prepared = undefined;
        if (host === undefined || prepared === undefined || Date.now() - prepared.at >= PREPARED_FOR_MS)
            return false;
        this.ahead = this.connect(client, host, prepared.port);
        return true;
    }
    connect(client, host, port) {
        const raw = (0,external_node_net_.connect)({ host, port, localAddress: this.localAddress });
        const secure = controlSocket(client) instanceof external_node_tls_.TLSSocket;
        let socket = raw;
        let connected = false;
        let error;
        const listeners = [];
        const fail = (err) => {
            if (error !== undefined)
                return;
            error = err;
            for (const listener of listeners)
                listener(err);
            socket.destroy();
            raw.destroy();
        };
        // A lost connection (retry.ts reads 'closed unexpectedly' as one): a server killed mid-deploy.
        const closed = () => error ?? new Error('The data connection closed unexpectedly before it was ready');
        raw.on('error', fail);
        const timeout = controlTimeout(client);
        raw.setTimeout(timeout, () => fail(new Error(`Timeout (data connection to ${host}:${port}, nothing moved for ${timeout / 1000} s)`)));
        const tcp = new Promise((resolve, reject) => {
            raw.once('connect', () => {
                connected = true;
                resolve();
            });
            raw.once('close', () => reject(closed()));
        });
        tcp.catch(() => undefined); // awaited by `ready`, or never when the command is refused
        let started;
        const startTls = async () => {
            await tcp;
            if (!secure)
                return raw;
            const tls = (0,external_node_tls_.connect)({ ...dataTlsOptions(client), host, socket: raw, session: sessionToResume(client) });
            socket = tls;
            const trust = keepSessionFrom(client, tls);
            tls.on('error', fail);
            // 'secureConnect', not a cipher: sending on a resumed connection before the handshake
            // ends made vsftpd and ProFTPD never answer the STOR of an empty file.
            await new Promise((resolve, reject) => {
                tls.once('secureConnect', resolve);
                tls.once('close', () => reject(closed()));
            });
            logProtocol(client, `Data connection to ${host}:${port}: ${tls.getProtocol()}, session ${tls.isSessionReused() ? 'resumed' : 'new'}`);
            if (this.pins.length > 0 && !this.pinMatches(tls)) {
                // The whole session ends: nothing more goes over a control connection whose data path
                // is not the pinned server's, and no retry is worth making.
                const err = pinMismatch(peerFingerprint(tls), this.pins);
                this.server.stop(err);
                failSession(client, err);
                fail(err);
                throw err;
            }
            trust();
            return tls;
        };
        return {
            ready: () => (started ??= startTls()),
            onError: listener => {
                if (error !== undefined)
                    listener(error);
                else
                    listeners.push(listener);
            },
            get connected() {
                return connected;
            },
            destroy: () => {
                socket.destroy();
                raw.destroy();
            }
        };
    }
    /**
     * Where the server reads the command after a STOR only once the transfer is over (the server
     * record decides), the next passive port is asked for behind the STOR: what store needs for it.
     */
    behindStor() {
        if (!this.server.passiveBehindTransfer)
            return undefined;
        return {
            command: this.passiveCommand,
            answered: reply => this.prepare(reply),
            early: reply => this.server.answeredDuringTransfer(reply.message)
        };
    }
    /** The command that asks for a passive port ahead of the next transfer (EPSV, or PASV where EPSV failed). */
    get passiveCommand() {
        return this.server.epsv ? 'EPSV' : 'PASV';
    }
    /**
     * Keeps the reply to a `passiveCommand` sent ahead: the next transfer connects there without
     * asking again. A reply that is not a passive port (a refusal) is not kept.
     */
    prepare(reply) {
        this.prepared = undefined;
        try {
            const port = reply.code === 229
                ? (0,transfer.parseEpsvResponse)(reply.message)
                : reply.code === 227
                    ? (0,transfer.parsePasvResponse)(reply.message).port
                    : undefined;
            if (port !== undefined)
                this.prepared = { port, res: reply, at: Date.now() };
        }
        catch {
            // Not a port after all: the next transfer asks again.
        }
    }
    /** Another command went first: the port asked for ahead may no longer be open (not every server keeps it). */
    forget() {
        this.prepared = undefined;
        this.dropAhead();
    }
    dropAhead() {
        this.ahead?.destroy();
        this.ahead = undefined;
    }
    async passive(client) {
        const host = controlSocket(client).remoteAddress;
        if (host === undefined)
            throw new Error('The control connection is closed');
        const prepared = this.prepared;
        this.prepared = undefined;
        // Fresh only: a server may give up on a passive port nobody connected to for long.
        if (prepared !== undefined && Date.now() - prepared.at < PREPARED_FOR_MS) {
            return { host, port: prepared.port, res: prepared.res };
        }
        if (this.server.epsv) {
            try {
                const res = await client.send('EPSV');
                return { host, port: (0,transfer.parseEpsvResponse)(res.message), res };
            }
            catch (err) {
                if (!(err instanceof dist.FTPError))
                    throw err;
                this.server.epsv = false;
            }
        }
        const res = await client.send('PASV');
        return { host, port: (0,transfer.parsePasvResponse)(res.message).port, res };
    }
    /** With a pinned certificate, a data connection that did not resume must show the same one. */
    checkPin(socket) {
        socket.once('secureConnect', () => {
            if (this.pinMatches(socket))
                return;
            const err = pinMismatch(peerFingerprint(socket), this.pins);
            this.server.stop(err);
            socket.destroy(err);
        });
    }
    /**
     * A resumed connection shows no certificate (Node gives none for it); it proves the server
     * holds a session we kept, and we keep sessions only from connections that passed this check
     * (the control connection's passed checkCertificate before login; see keepSessionFrom).
     */
    pinMatches(socket) {
        return socket.isSessionReused() || this.pins.includes(peerFingerprint(socket));
    }
}
/** How long a passive port asked for ahead is used (servers time out unused ones, vsftpd after 60 s). */
const PREPARED_FOR_MS = 10_000;
function pinMismatch(received, pins) {
    return new errors/* DeployError */.sH(`A data connection presented a certificate with SHA-256 fingerprint ${received || '(none)'}, ` +
        `which matches none of tls-fingerprint (${pins.join(', ')}); stopping the run`, { transient: false, fatal: true });
}

;// CONCATENATED MODULE: ./src/ftp/handshake.ts
/**
 * The control connection's handshake, step by step, each step required (RFC 4217, RFC 959):
 * basic-ftp's `access` ignores a refused PBSZ/PROT P and never sends ACCT.
 */






/** Turns a refused command into a DeployError naming the command and the reply. */
function refused(command, err, what) {
    if (err instanceof dist.FTPError) {
        return new errors/* DeployError */.sH(`${what}: the server answered ${command} with ${err.message}`, {
            command,
            code: err.code,
            reply: err.message
        });
    }
    const message = err instanceof Error ? err.message : String(err);
    return new errors/* DeployError */.sH(`${what}: ${command} failed: ${message}`, { command }, { cause: err });
}
/** Sends a command and requires a reply with one of the expected codes. */
async function expectReply(client, command, expected, what, shown = command) {
    let res;
    try {
        res = await client.send(command);
    }
    catch (err) {
        throw refused(shown, err, what);
    }
    if (!expected.includes(res.code)) {
        throw new errors/* DeployError */.sH(`${what}: the server answered ${shown} with ${res.message}`, {
            command: shown,
            code: res.code,
            reply: res.message
        });
    }
    return res;
}
/** Upgrades the control socket after a 234 reply to AUTH TLS. */
function upgrade(socket, options, timeoutMs) {
    return new Promise((resolve, reject) => {
        const tlsSocket = (0,external_node_tls_.connect)({ ...options, socket }, () => {
            tlsSocket.setTimeout(0);
            tlsSocket.removeListener('error', reject);
            resolve(tlsSocket);
        });
        tlsSocket.once('error', reject);
        tlsSocket.setTimeout(timeoutMs, () => tlsSocket.destroy(new Error(`TLS handshake timed out after ${timeoutMs / 1000} s`)));
    });
}
/**
 * The key-exchange groups for data connections, the one the server chose for the control
 * connection first: a TLS 1.3 client sends a key share for its first group only, and a server
 * that wants another (vsftpd and pure-ftpd take P-256, Node offers X25519) asks again with a
 * HelloRetryRequest, a round trip more on every data connection.
 */
const GROUPS = ['X25519', 'prime256v1', 'secp384r1', 'secp521r1'];
function groupsStartingWith(key) {
    return groupsFirst(groupOf(key));
}
/** The groups with `chosen` first (undefined: one not in the list, Node's own defaults). */
function groupsFirst(chosen) {
    if (chosen === undefined || !GROUPS.includes(chosen))
        return undefined;
    return [chosen, ...GROUPS.filter(group => group !== chosen)].join(':');
}
const groupOf = (key) => key !== null && typeof key === 'object' && 'name' in key && typeof key.name === 'string' ? key.name : undefined;
/**
 * The control connection's first group: the one this server chose before, else P-256, which
 * every server here takes (vsftpd and pure-ftpd only it: an X25519 key share, Node's default,
 * costs them a HelloRetryRequest, a round trip more on every connection's handshake).
 */
const controlGroups = (server) => groupsFirst(server.keyGroup ?? 'prime256v1');
/** Connects and secures the control connection; resolves with the server's greeting. */
async function secureControl(client, settings, server) {
    const options = withGroups(settings, tlsOptionsFor(settings), controlGroups(server));
    let greeting;
    if (settings.tls === 'implicit') {
        greeting = await client.connectImplicitTLS(settings.host, settings.port, {
            ...options,
            localAddress: settings.sourceAddress
        });
    }
    else {
        greeting = await client.connect(settings.host, settings.port);
        if (settings.tls === 'none')
            return greeting.message;
        // RFC 4217 4: only 234 means the server will negotiate; anything else ends the run before USER.
        await expectReply(client, 'AUTH TLS', [234], 'The server refused TLS (nothing was sent in clear)');
        useControlSocket(client, await upgrade(controlSocket(client), options, settings.timeoutMs));
    }
    const secured = controlSocket(client);
    checkCertificate(secured, settings);
    const key = secured.getEphemeralKeyInfo();
    if (groupsFirst(groupOf(key)) !== undefined)
        server.keyGroup = groupOf(key);
    setDataTlsOptions(client, withGroups(settings, options, groupsStartingWith(key)));
    return greeting.message;
}
/**
 * Logs in and protects the session: where the server takes pipelined commands, USER and PASS go
 * in the same write as protect's commands (one round trip for all, not three); a server that
 * asks for an account (332) gets ACCT and protect's commands again after it.
 */
async function loginAndProtect(client, settings, server) {
    if (!server.pipelining || !server.loginTogether) {
        await login(client, settings);
        return protect(client, settings, server);
    }
    const what = `Login as ${settings.user} failed`;
    const { commands, read } = protectSteps(settings);
    // OPTS UTF8 ON whatever FEAT says (basic-ftp sends it so too): its reply is not read.
    const utf8 = settings.encoding === 'utf8' ? ['OPTS UTF8 ON'] : [];
    const all = [`USER ${settings.user}`, `PASS ${settings.password}`, ...commands, ...utf8];
    let replies;
    try {
        replies = await sendPipelined(client, all, fitsCommand);
    }
    catch (err) {
        if (!(err instanceof BatchStopped))
            throw refused('USER, PASS, ' + commands.join(', '), err, what);
        // A server that refuses the login and hangs up (ProFTPD's 530 on too many clients): that
        // refusal, as one command at a time would have met it; else the command whose reply did
        // not come (never PASS's argument).
        const [user, pass] = err.replies;
        const res = user && expectedOr(user, `USER ${settings.user}`, [230, 331, 332], what);
        if (res?.code === 331 && pass !== undefined)
            expectedOr(pass, 'PASS', [230, 202, 332], what);
        throw refused(commandNamed(err.command), err.cause, what);
    }
    let res = expectedOr(replies[0], `USER ${settings.user}`, [230, 331, 332], what);
    if (res.code === 331)
        res = expectedOr(replies[1], 'PASS', [230, 202, 332], what);
    if (res.code !== 332)
        return finishProtect(client, settings, server, read(replies.slice(2)), utf8.length > 0);
    // The commands after PASS were refused before the account: again once it is given.
    await account(client, settings, res, what);
    return protect(client, settings, server);
}
/** A reply to a command sent together: one of `expected`, else the failure naming the command. */
function expectedOr(res, shown, expected, what) {
    if (expected.includes(res.code))
        return res;
    throw new errors/* DeployError */.sH(`${what}: the server answered ${shown} with ${res.message}`, {
        command: shown,
        code: res.code,
        reply: res.message
    });
}
async function login(client, settings) {
    const what = `Login as ${settings.user} failed`;
    // RFC 959 5.4: USER -> 230 | 331 | 332; PASS -> 230 | 202 | 332; ACCT -> 230 | 202.
    let res = await expectReply(client, `USER ${settings.user}`, [230, 331, 332], what);
    if (res.code === 331)
        res = await expectReply(client, `PASS ${settings.password}`, [230, 202, 332], what, 'PASS');
    if (res.code === 332)
        await account(client, settings, res, what);
}
/** ACCT after a 332 (RFC 959 5.4), with the account input; none given: the failure says to set it. */
async function account(client, settings, res, what) {
    {
        if (settings.account === '') {
            throw new errors/* DeployError */.sH(`${what}: the server asks for an account (${res.message}); set the account input`, {
                command: 'PASS',
                code: 332,
                reply: res.message
            });
        }
        await expectReply(client, `ACCT ${settings.account}`, [230, 202], what, 'ACCT');
    }
}
/**
 * After login: FEAT, binary mode, protected data connections (each required) and the login
 * directory, sent together where the server takes pipelined commands (one round trip, not
 * five). Resolves with the features and the login directory (PWD).
 */
async function protect(client, settings, server) {
    const { commands, read } = protectSteps(settings);
    let replies;
    try {
        replies = server.pipelining ? await sendPipelined(client, commands, fitsCommand) : await oneByOne(client, commands);
    }
    catch (err) {
        throw refused(commands.join(', '), err, 'Could not set up the session');
    }
    return finishProtect(client, settings, server, read(replies));
}
/** protect's commands, and how their replies are read (throws on a refused step). */
function protectSteps(settings) {
    const steps = [
        ['TYPE I', [200], 'The server refused binary mode'],
        // basic-ftp ignores a refused PBSZ/PROT P; we must not, or files would go in clear.
        ...(settings.tls === 'none'
            ? []
            : [
                ['PBSZ 0', [200], PROTECT_REFUSED],
                ['PROT P', [200], PROTECT_REFUSED]
            ]),
        ['PWD', [257], 'Could not read the login directory']
    ];
    const read = (replies) => {
        steps.forEach(([command, expected, what], i) => {
            const res = replies[i + 1];
            if (!expected.includes(res.code)) {
                throw new errors/* DeployError */.sH(`${what}: the server answered ${command} with ${res.message}`, {
                    command,
                    code: res.code,
                    reply: res.message
                });
            }
        });
        const pwd = replies[steps.length];
        const home = /"(.+)"/.exec(pwd.message)?.[1];
        if (home === undefined)
            throw new Error(`Could not read the login directory from ${pwd.message}`);
        return { features: parseFeatures(replies[0]), home };
    };
    return { commands: ['FEAT', ...steps.map(([command]) => command)], read };
}
async function finishProtect(client, settings, server, done, utf8Sent = false) {
    const { features } = done;
    // MLSD when FEAT lists MLST (RFC 3659 7.8), else LIST; LIST too once MLSD failed where LIST worked.
    server.listCommand ??= features.has('MLST') ? 'MLSD' : 'LIST';
    client.availableListCommands = server.listCommand === 'MLSD' ? ['MLSD', 'LIST -a', 'LIST'] : ['LIST -a', 'LIST'];
    if (!utf8Sent && settings.encoding === 'utf8' && features.has('UTF8'))
        await client.sendIgnoringError('OPTS UTF8 ON');
    return done;
}
const PROTECT_REFUSED = 'The server refused to protect data connections (no file was sent)';
/** The same replies as sendPipelined, one command at a time. */
async function oneByOne(client, commands) {
    const replies = [];
    for (const command of commands) {
        const res = await client.sendIgnoringError(command);
        replies.push({ code: res.code, message: res.message });
    }
    return replies;
}
/** FEAT's multi-line reply (RFC 2389) as feature -> parameters, as basic-ftp reads it. */
function parseFeatures(res) {
    const features = new Map();
    const lines = res.message.split('\n');
    if (res.code >= 400 || lines.length < 3)
        return features;
    for (const line of lines.slice(1, -1)) {
        const [name, ...rest] = line.trim().split(' ');
        if (name)
            features.set(name.toUpperCase(), rest.join(' '));
    }
    return features;
}

;// CONCATENATED MODULE: ./src/ftp/stat-listing.ts
/** A directory listing sent on the control connection in reply to STAT <dir> (pure). */


/**
 * RFC 959 4.1.3: 211/212/213 with the listing between the first and the last line (ProFTPD
 * indents each entry by one space). A directory lists itself as '.': without that line the
 * reply is a status, not a listing (or there is no such directory), and undefined says so.
 */
function parseStatListing(res) {
    if (res.code < 211 || res.code > 213)
        return undefined;
    const lines = res.message
        .split('\n')
        .slice(1, -1)
        .map(line => line.replace(/\r$/, '').replace(/^ /, ''));
    if (!lines.some(line => /^d\S+\s.*\s\.$/.test(line)))
        return undefined;
    try {
        return (0,dist.parseList)(lines.join('\n'));
    }
    catch {
        return undefined;
    }
}
/**
 * The size of the file at `path` from a reply to STAT <path> (its ls line on the control
 * connection, as vsftpd, pure-ftpd and ProFTPD give it): where SIZE is refused, a temporary is
 * still checked before it goes live. Undefined when the reply is no such listing.
 */
function statFileSize(res, path) {
    if (res.code < 211 || res.code > 213)
        return undefined;
    const lines = res.message
        .split('\n')
        .slice(1, -1)
        .map(line => line.replace(/\r$/, '').replace(/^ /, ''))
        .filter(line => line.startsWith('-'));
    let files;
    try {
        files = (0,dist.parseList)(lines.join('\n'));
    }
    catch {
        return undefined;
    }
    const name = path.slice(path.lastIndexOf('/') + 1);
    const file = files.find(f => f.name === path || f.name === name);
    return file?.isFile ? file.size : undefined;
}
/**
 * STAT listings of several directories through `send` (one write where the server takes it):
 * undefined for each that STAT did not list (refused: ProFTPD's 450 for no such directory, 500
 * and 502 for no STAT; or no '.' entry). Paths the server would glob are not asked for at all:
 * pure-ftpd and ProFTPD expand STAT's argument (`[slug]` lists what matches s, l, u, g), so
 * LIST/MLSD decides for them (issue 11).
 */
async function statListings(paths, send) {
    const asked = paths.filter(path => !globbed(path));
    const replies = asked.length === 0 ? [] : await send(asked.map(path => `STAT ${path}`));
    let next = 0;
    return paths.map(path => {
        if (globbed(path))
            return undefined;
        const reply = replies[next++];
        return reply.code < 300 ? parseStatListing(reply) : undefined;
    });
}

;// CONCATENATED MODULE: ./src/ftp/commit.ts
/**
 * After an upload to its temporary name, everything up to the next transfer in one write: the
 * renames of files checked before (each with the delete a server may need first), the mode and
 * the size of the temporary just uploaded, and the next transfer's passive port. The temporary
 * itself is not renamed here: it goes live with a later write, once its checks are read (the
 * README's promise: nothing goes live before its checks). The replies are matched to the
 * commands in order; one that cannot belong to its command turns pipelining off for the run and
 * the upload is retried on a new connection (see ftp/pipelining.ts), so a mismatch never becomes
 * a wrong result.
 */




/**
 * Sends the renames and the check of `c` in one write and reads every reply: a refused rename is
 * that rename's outcome (its file's fallbacks are the replacer's), a failed check the commit's
 * `failure`. Throws only when the write itself fails (a lost connection, replies that do not
 * match), leaving the renames in doubt.
 */
async function commitTogether(session, c) {
    const { check } = c;
    const chmod = check?.mode !== undefined ? `SITE CHMOD ${check.mode} ${check.path}` : undefined;
    const size = check?.size === undefined ? undefined : sizeCommand(session.server, check.path);
    const commands = [
        ...c.renames.flatMap(r => [...(r.clearFirst ? [`DELE ${r.to}`] : []), `RNFR ${r.from}`, `RNTO ${r.to}`]),
        ...(chmod !== undefined ? [chmod] : []),
        ...(size !== undefined ? [size] : [])
    ];
    const replies = await session.sendAll(commands, { pipelined: true, preparePassive: check !== undefined });
    const next = () => replies.shift();
    const renames = c.renames.map(r => {
        if (r.clearFirst)
            next(); // DELE: gone or never there, either is fine
        return renameRefusal(r, next(), next());
    });
    const modeReply = chmod !== undefined ? next() : undefined;
    let sizeReply = size !== undefined ? next() : undefined;
    let sizeBy = size?.startsWith('STAT ') ? 'STAT' : 'SIZE';
    if (check !== undefined && sizeBy === 'SIZE' && sizeReply !== undefined && sizeUnavailable(sizeReply)) {
        // Refused as a command, not for this file: from now on its STAT line goes instead, this
        // temporary's at once (once in a run).
        session.server.sizeUnavailable(sizeReply.message);
        const stat = sizeCommand(session.server, check.path);
        sizeReply =
            stat === undefined ? undefined : (await session.sendAll([stat], { pipelined: false, preparePassive: false }))[0];
        sizeBy = 'STAT';
    }
    return { renames, failure: check && checkFailure(check, modeReply, sizeReply, sizeBy) };
}
/** How the temporary's size is read: SIZE, else its STAT line where STAT lists (not a globbed name), else not here. */
function sizeCommand(server, path) {
    if (server.size)
        return `SIZE ${path}`;
    return server.statLists && !globbed(path) ? `STAT ${path}` : undefined;
}
/** The refusal of RNFR or RNTO, naming both paths and keeping the reply; undefined when renamed. */
function renameRefusal(r, rnfr, rnto) {
    // 350 to RNFR, then 2xx to RNTO: anything else is not a rename that happened.
    const refused = rnfr.code !== 350 ? rnfr : rnto.code < 200 || rnto.code >= 300 ? rnto : undefined;
    if (refused === undefined)
        return undefined;
    return new errors/* DeployError */.sH(`Could not rename ${r.from} to ${r.to}: ${refused.message}`, {
        command: 'RNFR/RNTO',
        code: refused.code,
        reply: refused.message,
        transient: replyIsTransient(refused.code, refused.message)
    });
}
/** The temporary's checks, in the slow path's terms: a refused mode (final), then a size that differs. */
function checkFailure(check, modeReply, sizeReply, sizeBy) {
    if (modeReply !== undefined && (modeReply.code < 200 || modeReply.code >= 300)) {
        return new errors/* DeployError */.sH(`Could not set mode ${check.mode} on ${check.path}: the server answered SITE CHMOD with ${modeReply.message}`, {
            file: check.name,
            command: 'SITE CHMOD',
            code: modeReply.code,
            reply: modeReply.message,
            transient: replyIsTransient(modeReply.code, modeReply.message)
        });
    }
    if (sizeReply === undefined || check.size === undefined)
        return undefined;
    let held;
    if (sizeBy === 'STAT') {
        // Its STAT line: a size read there is compared; no listing leaves it to the final listing.
        held = statFileSize(sizeReply, check.path);
        if (held === undefined)
            return undefined;
    }
    held ??= sizeIn(sizeReply) ?? `no file (${sizeReply.message})`;
    return held === check.size ? undefined : (0,errors/* incomplete */.$x)(check.name, held, check.size);
}

;// CONCATENATED MODULE: ./src/ftp/retrieve.ts
/**
 * LIST, MLSD and RETR over a data connection of our own (data-connection.ts), so they keep the
 * order every server accepts: the command, its 1xx, then TLS. basic-ftp's own transfers start
 * TLS first, which pyftpdlib before 1.5.9 answers by resetting the data connection.
 */




/** basic-ftp's own cap on a listing (its maxListingBytes): a hostile server cannot fill memory. */
const MAX_LISTING_BYTES = 40 * 1024 * 1024;
/** A transfer went past the bytes it may carry: cut, and never worth a retry. */
class TooManyBytes extends Error {
}
/** A small file (a manifest, holder.json) over what such a file may be: not read, never retried. */
function tooLarge(remotePath, what, maxBytes) {
    return new errors/* DeployError */.sH(`${remotePath} ${what} more than the ${maxBytes} bytes such a file may have: not read`, {
        command: 'RETR',
        transient: false
    });
}
/**
 * Sends `command` and collects what arrives on `data` (or hands each chunk to `onChunk`, for
 * files of any size). Resolves once the server confirms (2xx)
 * and the data connection has ended; rejects with the server's reply when it refused (FTPError),
 * else with what broke.
 */
async function retrieve(client, data, command, limit = Infinity, onChunk) {
    const parts = [];
    let bytes = 0;
    let dataError;
    let started = false;
    let settled = false;
    const awaitReply = () => {
        if (!settled)
            setControlIdleTimeout(client, controlTimeout(client));
    };
    data.onError(err => {
        dataError ??= err;
        awaitReply();
    });
    let ended = () => undefined;
    const received = new Promise(resolve => (ended = resolve));
    const receive = async () => {
        const socket = await data.ready();
        socket.on('data', (chunk) => {
            bytes += chunk.length;
            if (bytes > limit)
                data.destroy();
            else if (onChunk !== undefined)
                onChunk(chunk);
            else
                parts.push(chunk);
        });
        await new Promise(resolve => {
            socket.once('end', resolve);
            socket.once('close', resolve);
        });
    };
    const confirmed = sendWithHandler(client, command, (res, task) => {
        if (res instanceof Error) {
            if (res instanceof dist.FTPError && !started)
                expectStrayCompletion(client);
            return task.reject(res);
        }
        if (res.code === 150 || res.code === 125) {
            if (started)
                return;
            started = true;
            // The control connection idles while data moves; the data connection has its own timeout.
            setControlIdleTimeout(client, 0);
            receive().then(() => {
                awaitReply();
                ended();
            }, (err) => {
                dataError ??= err;
                awaitReply();
                ended();
            });
            return;
        }
        if (res.code >= 200 && res.code < 300)
            return task.resolve(res);
        if (res.code >= 300)
            task.reject(new dist.FTPError(res));
    });
    try {
        await confirmed;
        // A 2xx without a 1xx opened no transfer: nothing was sent.
        if (started)
            await received;
    }
    finally {
        settled = true;
        data.destroy();
    }
    if (bytes > limit)
        throw new TooManyBytes(`${command}: the server sent more than ${limit} bytes`);
    if (dataError !== undefined)
        throw dataError;
    return Buffer.concat(parts);
}
/**
 * A directory's entries: MLSD where FEAT offers it, else LIST -a, else LIST (basic-ftp's
 * candidates and its parsers); the first that the server accepts is used from then on.
 */
async function listDirectory(client, connector, path, server) {
    let lastError;
    for (const candidate of listCommands(client)) {
        const command = path === '' ? candidate : `${candidate} ${path}`;
        try {
            const text = await retrieve(client, await connector.open(client), command, MAX_LISTING_BYTES);
            useListCommand(client, candidate);
            if (candidate !== 'MLSD')
                server.listCommand = 'LIST';
            return (0,dist.parseList)(text.toString(nameEncoding(client)));
        }
        catch (err) {
            if (!(err instanceof dist.FTPError))
                throw err;
            lastError = err;
        }
    }
    throw lastError;
}
/** RETR into SHA-256 as it arrives, for files of any size; undefined when there is no such file (550). */
async function downloadSha256(client, data, remotePath) {
    const hash = (0,external_node_crypto_.createHash)('sha256');
    let size = 0;
    try {
        await retrieve(client, data, `RETR ${remotePath}`, Infinity, chunk => {
            hash.update(chunk);
            size += chunk.length;
        });
    }
    catch (err) {
        if (err instanceof dist.FTPError && err.code === 550)
            return undefined;
        throw err;
    }
    return { sha256: hash.digest('hex'), size };
}

;// CONCATENATED MODULE: ./src/ftp/server-hash.ts
/**
 * The server's own hash of a file: draft-bryan-ftpext-hash `HASH` (algorithm chosen with
 * `OPTS HASH`), or the older `XSHA256`, `XSHA512`, `XSHA1`, `XMD5`. Which one a server offers is
 * read from FEAT (the handshake reads it once per session); replies are parsed here, pure.
 */



/** Strongest first, as this tool prefers them. */
const HASH_PREFERENCE = ['sha256', 'sha512', 'sha1', 'md5'];
const X_COMMAND = { sha256: 'XSHA256', sha512: 'XSHA512', sha1: 'XSHA1', md5: 'XMD5' };
const HEX_LENGTH = { sha256: 64, sha512: 128, sha1: 40, md5: 32 };
/** The algorithms FEAT's `HASH` line lists ('SHA-1*' is the selected one), with the selected one. */
function hashFeature(value) {
    const offered = [];
    let selected;
    for (const raw of (value ?? '').split(';')) {
        const name = raw.trim();
        const algorithm = HASH_PREFERENCE.find(a => IANA_NAME[a] === name.replace(/\*$/, '').toUpperCase());
        if (algorithm === undefined)
            continue;
        offered.push(algorithm);
        if (name.endsWith('*'))
            selected = algorithm;
    }
    return { offered, selected };
}
/**
 * The best command FEAT offers: the strongest algorithm first (SHA-256, SHA-512, SHA-1, MD5),
 * through HASH where it lists that algorithm, else its X command. Undefined: none offered.
 */
function chooseHashCommand(features) {
    const hash = features.has('HASH') ? hashFeature(features.get('HASH')) : { offered: [] };
    for (const algorithm of HASH_PREFERENCE) {
        if (hash.offered.includes(algorithm)) {
            const select = hash.selected === algorithm ? undefined : `OPTS HASH ${IANA_NAME[algorithm]}`;
            return { algorithm, verb: 'HASH', select };
        }
        if (features.has(X_COMMAND[algorithm]))
            return { algorithm, verb: X_COMMAND[algorithm] };
    }
    return undefined;
}
/** The same features without HASH (a server that refused OPTS HASH: its X commands may do). */
function withoutHash(features) {
    return new Map([...features].filter(([name]) => name !== 'HASH'));
}
/** The last line of a reply, without its code: where HASH and the X commands put the digest. */
function lastLine(message) {
    const lines = message.split(/\r?\n/).filter(line => line.trim() !== '');
    return (lines[lines.length - 1] ?? '').replace(/^\d{3}[ -]?/, '').trim();
}
/**
 * `213 SHA-256 0-<size> <hex> <path>` (draft-bryan-ftpext-hash 3.3; ProFTPD puts a
 * `213-Computing SHA-256 digest` line first). Undefined when the reply is not for `algorithm`
 * or not of the whole file (`size`, when known).
 */
function parseHashReply(message, algorithm, size) {
    const m = /^(\S+) (\d+)-(\d+) ([0-9A-Fa-f]+)(?: .*)?$/.exec(lastLine(message));
    if (m === null)
        return undefined;
    const [, name, start, end, hex] = m;
    if (name.toUpperCase() !== IANA_NAME[algorithm] || Number(start) !== 0)
        return undefined;
    // ProFTPD gives the end as the size; the draft's byte ranges read as inclusive (size - 1).
    if (size !== undefined && Number(end) !== size && Number(end) !== size - 1)
        return undefined;
    return hex.length === HEX_LENGTH[algorithm] ? hex.toLowerCase() : undefined;
}
/**
 * `250 <HEX>` (ProFTPD after a `250-Computing SHA256 digest` line); other servers add the path
 * before or after it: the digest is the one word of the right length in hex.
 */
function parseXReply(message, algorithm) {
    const words = lastLine(message).split(/\s+/);
    const hex = words.filter(w => w.length === HEX_LENGTH[algorithm] && /^[0-9A-Fa-f]+$/.test(w));
    return hex.length === 1 ? hex[0].toLowerCase() : undefined;
}
/**
 * Asks one session's server for hashes, with the command FEAT offered; selects the HASH
 * algorithm once. A refusal for one file (550, 556 too big, 450 busy) gives undefined; a lost
 * connection throws, for the pool to retry.
 */
class ServerHasher {
    send;
    features;
    debug;
    command;
    selecting;
    constructor(send, features, debug) {
        this.send = send;
        this.features = features;
        this.debug = debug;
        this.command = chooseHashCommand(features);
    }
    get algorithm() {
        return this.command?.algorithm;
    }
    async hash(remotePath, size) {
        const command = await this.ready();
        const line = command && this.commandFor(command, remotePath);
        if (command === undefined || line === undefined)
            return undefined;
        let res;
        try {
            res = await this.send(line);
        }
        catch (err) {
            if (!(err instanceof dist.FTPError))
                throw err;
            this.debug(`No ${command.verb} for ${remotePath}: ${err.message}`);
            return undefined;
        }
        return this.read(command, res, size);
    }
    /**
     * hash for several files: with `sendTogether` (a server that takes pipelined commands) the
     * commands go in one write, else one at a time.
     */
    async hashMany(files, sendTogether) {
        const command = await this.ready();
        if (command === undefined)
            return files.map(() => undefined);
        const lines = files.map(f => this.commandFor(command, f.path));
        const asked = lines.filter((line) => line !== undefined);
        if (sendTogether === undefined || asked.length < 2) {
            const hashes = [];
            for (const f of files)
                hashes.push(await this.hash(f.path, f.size));
            return hashes;
        }
        const replies = await sendTogether(asked);
        let next = 0;
        return files.map((f, i) => (lines[i] === undefined ? undefined : this.read(command, replies[next++], f.size)));
    }
    /** The command to send for each path after `OPTS HASH` (undefined: none for that path), for sending them together. */
    async ready() {
        await (this.selecting ??= this.select());
        return this.command;
    }
    /** The line that asks for the hash of `remotePath`; undefined where this server cannot be asked. */
    commandFor(command, remotePath) {
        // mod_digest splits an X command's argument at spaces (a path, then start and end).
        if (command.verb !== 'HASH' && /\s/.test(remotePath))
            return undefined;
        return `${command.verb} ${remotePath}`;
    }
    /** The hash in a reply to `commandFor`'s line; undefined for a refusal or a reply it cannot be read from. */
    read(command, res, size) {
        if (res.code >= 300)
            return undefined;
        const hex = command.verb === 'HASH'
            ? parseHashReply(res.message, command.algorithm, size)
            : parseXReply(res.message, command.algorithm);
        return hex === undefined ? undefined : { algorithm: command.algorithm, hex, verb: command.verb };
    }
    async select() {
        const select = this.command?.select;
        if (select === undefined)
            return;
        try {
            await this.send(select);
        }
        catch (err) {
            if (!(err instanceof dist.FTPError))
                throw err;
            this.features = withoutHash(this.features);
            this.command = chooseHashCommand(this.features);
        }
    }
}

;// CONCATENATED MODULE: external "node:stream/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream/promises");
;// CONCATENATED MODULE: ./src/ftp/behind-transfer.ts
class RepliesBehind {
    isPort;
    stor;
    behind;
    /** A refusal not yet known to be the STOR's or the other's. */
    pending;
    early = false;
    /** `isPort`: the success reply of the command behind (229 to EPSV, 227 to PASV). */
    constructor(isPort) {
        this.isPort = isPort;
    }
    /**
     * Takes a reply that is not a 1xx (`started`: the STOR's 1xx came). Returns both replies once
     * both are in, 'stray' for a 226 that can be neither's (after a refusal and no 1xx: pyftpdlib's
     * answer to a data connection closed unused), 'early port' for a passive port that came before
     * anything of the STOR's end (the server opened a new port during the transfer; pyftpdlib then
     * drops the transfer and never answers the STOR: its timeout and retry tell), else undefined.
     */
    take(reply, started) {
        if (this.isPort(reply)) {
            this.behind = reply;
            if (this.stor === undefined && this.pending === undefined) {
                this.early = true;
                return 'early port';
            }
            // A refusal before it was the STOR's.
            this.stor ??= this.pending;
            this.pending = undefined;
        }
        else if (reply.code >= 200 && reply.code < 300) {
            // RFC 959 has a transfer's 2xx only after its 1xx.
            if (!started && this.pending !== undefined)
                return 'stray';
            this.stor = reply;
            if (this.pending !== undefined) {
                this.behind = this.pending;
                this.early = true;
                this.pending = undefined;
            }
        }
        else if (this.stor !== undefined) {
            this.behind = reply;
        }
        else if (this.behind !== undefined) {
            this.stor = reply;
        }
        else if (this.pending !== undefined) {
            // Two refusals: in order, unless the first is pure-ftpd's 500 to a command during a transfer.
            const swapped = this.pending.code === 500 && reply.code !== 500 && started;
            this.stor = swapped ? reply : this.pending;
            this.behind = swapped ? this.pending : reply;
            this.early = swapped;
            this.pending = undefined;
        }
        else {
            this.pending = reply;
        }
        if (this.stor === undefined || this.behind === undefined)
            return undefined;
        return { stor: this.stor, behind: this.behind, early: this.early };
    }
}

;// CONCATENATED MODULE: ./src/ftp/store.ts
/**
 * STOR over a data connection of our own: basic-ftp's uploadFrom (streams, a pipeline, a
 * watchdog, a stack trace per task) cost more CPU per small file than the protocol itself.
 */






/** How long a STOR whose early TLS handshake was reset may still be answered (a refusal) before the session is given up. */
const EARLY_RESET_GRACE_MS = 1000;
async function store(client, data, source, remotePath, tls = { early: false, onEarlyReset: () => undefined }, behind) {
    const hash = (0,external_node_crypto_.createHash)('sha256');
    let size = 0;
    let dataError;
    let started = false;
    let settled = false;
    // While the STOR is open the control connection waits for its reply within the timeout; once
    // it is settled, the timeout belongs to whatever the session does next.
    const awaitReply = () => {
        if (!settled)
            setControlIdleTimeout(client, controlTimeout(client));
    };
    data.onError(err => {
        dataError ??= err;
        // The server's reply now says why (426, 451, 452).
        awaitReply();
    });
    const send = async () => {
        const socket = await data.ready();
        if (Buffer.isBuffer(source)) {
            size = source.length;
            hash.update(source);
            return finish(socket, source);
        }
        const whole = source.readSmall();
        if (whole !== undefined) {
            size = whole.length;
            hash.update(whole);
            return finish(socket, whole);
        }
        await (0,promises_namespaceObject.pipeline)(source.stream(), hashing(hash, n => (size += n)), socket);
    };
    const replies = new RepliesBehind(r => r.code === (behind?.command === 'PASV' ? 227 : 229));
    let straySeen = false;
    const handler = (res, task) => {
        if (behind !== undefined && (!(res instanceof Error) || res instanceof dist.FTPError) && res.code >= 200) {
            // Two replies to come, the STOR's and the passive command's, in either order.
            const sorted = replies.take({ code: res.code, message: res.message }, started);
            if (sorted === 'stray') {
                straySeen = true;
                return;
            }
            if (sorted === 'early port') {
                // Other uploads stop sending it at once; this one waits for its STOR's reply as ever.
                return behind.early(res);
            }
            if (sorted === undefined)
                return;
            behind.answered(sorted.behind);
            if (sorted.early)
                behind.early(sorted.behind);
            const { stor } = sorted;
            if (stor.code >= 200 && stor.code < 300)
                return task.resolve(stor);
            if (!started && !straySeen)
                expectStrayCompletion(client);
            return task.reject(new dist.FTPError(stor));
        }
        if (res instanceof Error) {
            if (res instanceof dist.FTPError && !started)
                expectStrayCompletion(client);
            return task.reject(res);
        }
        if (res.code === 150 || res.code === 125) {
            // RFC 959 allows one of them; only the first may start sending, or data goes twice.
            if (started)
                return;
            started = true;
            // The control connection idles while data moves; the data connection has its own timeout.
            setControlIdleTimeout(client, 0);
            send().then(
            // Sent: now the server must answer within the timeout (vsftpd on TLS 1.3 was seen not to).
            awaitReply, err => {
                dataError ??= unreadable(err, source);
                data.destroy();
                // Nothing more to learn from the server (vsftpd was seen never to answer a STOR whose
                // data connection we cut): this session, its reply still pending, is done.
                if (dataError instanceof errors/* DeployError */.sH)
                    failSession(client, dataError);
                else
                    awaitReply();
            });
            return;
        }
        if (res.code >= 200 && res.code < 300)
            return task.resolve(res);
        if (res.code >= 300)
            task.reject(new dist.FTPError(res));
    };
    const command = `STOR ${remotePath}`;
    const confirmed = behind === undefined
        ? sendWithHandler(client, command, handler)
        : sendWithBehind(client, command, behind.command, handler);
    if (tls.early) {
        // As soon as TCP is up, not on the 1xx: vsftpd sends its 150 only once it has accepted the
        // connection, so waiting for it costs a round trip per file. The STOR left first; pyftpdlib
        // before 1.5.9 still resets some such handshakes (its issue 604) and then never answers the
        // STOR: the session is given up at once, and the run goes on with TLS after the 1xx.
        let secured = false;
        data.ready().then(() => (secured = true), () => undefined);
        data.onError(err => {
            if (secured || started)
                return;
            // A server that refuses the STOR drops its data connection too: only one that then leaves
            // the STOR unanswered is the one that reset an early handshake.
            const timer = setTimeout(() => {
                if (settled)
                    return;
                tls.onEarlyReset();
                failSession(client, new errors/* DeployError */.sH(`The data connection was reset during its TLS handshake (${err.message})`, {
                    transient: true
                }));
            }, EARLY_RESET_GRACE_MS);
            confirmed.then(() => clearTimeout(timer), () => clearTimeout(timer));
        });
    }
    try {
        await confirmed;
    }
    catch (err) {
        // The server's refusal says most (452 full disk); a local file that could not be read or a
        // certificate mismatch says more (and is not worth a retry).
        throw err instanceof dist.FTPError && !(dataError instanceof errors/* DeployError */.sH) ? err : (dataError ?? err);
    }
    finally {
        settled = true;
        data.destroy();
    }
    if (dataError !== undefined)
        throw dataError;
    if (!started)
        throw new Error(`The server confirmed STOR ${remotePath} without opening the transfer`);
    return { size, sha256: hash.digest('hex') };
}
/** A local file that cannot be read (gone since it was listed, no permission) fails as final. */
function unreadable(err, source) {
    const syscall = err?.syscall;
    if (Buffer.isBuffer(source) || !['open', 'read', 'fstat'].includes(syscall ?? ''))
        return err;
    return new errors/* DeployError */.sH(`Could not read ${source.path}: ${err.message}`, { transient: false }, { cause: err });
}
/** Writes the last bytes and ends the data connection (TLS close_notify, then FIN). */
function finish(socket, bytes) {
    return new Promise((resolve, reject) => {
        socket.once('error', reject);
        socket.end(bytes, () => {
            socket.removeListener('error', reject);
            resolve();
        });
    });
}
function hashing(hash, count) {
    return async function* (chunks) {
        for await (const chunk of chunks) {
            hash.update(chunk);
            count(chunk.length);
            yield chunk;
        }
    };
}

;// CONCATENATED MODULE: ./src/ftp/session.ts
/**
 * One FTPS session over basic-ftp: a secured, logged-in control connection, and transfers by
 * absolute path (no CWD per file). open-session.ts opens it; the handshake is in handshake.ts.
 */











/** The FTP command of each change `together` sends. */
const VERB = { mkdir: 'MKD', rmdir: 'RMD', remove: 'DELE' };
class BasicFtpSession {
    client;
    connector;
    tlsVersion;
    fingerprint;
    home;
    server;
    log;
    hasher;
    constructor(client, connector, tlsVersion, fingerprint, home, server, log, features) {
        this.client = client;
        this.connector = connector;
        this.tlsVersion = tlsVersion;
        this.fingerprint = fingerprint;
        this.home = home;
        this.server = server;
        this.log = log;
        this.hasher = new ServerHasher(command => client.send(command), features, message => log.debug(message));
    }
    /** The algorithm `hash` answers in (FEAT, SHA-256 preferred); undefined: the server offers none. */
    get hashAlgorithm() {
        return this.hasher.algorithm;
    }
    hash(remotePath, size) {
        this.connector.forget();
        return this.hasher.hash(remotePath, size);
    }
    hashes(files) {
        this.connector.forget();
        const send = (lines) => this.sendAll(lines, { pipelined: true, preparePassive: false });
        return this.hasher.hashMany(files, this.server.pipelining ? send : undefined);
    }
    async downloadHash(remotePath) {
        return downloadSha256(this.client, await this.connector.open(this.client), remotePath);
    }
    get usable() {
        return !this.client.closed;
    }
    async makeDir(path) {
        this.connector.forget();
        try {
            await this.client.send(`MKD ${path}`);
            return true;
        }
        catch (err) {
            if (!(err instanceof dist.FTPError))
                throw commandFailed(`MKD ${path}`, err);
            // MKD on an existing directory is refused (550 on most servers): confirm it exists.
            try {
                await this.client.send(`CWD ${path}`);
                // Out again: a server may stumble once the directory it sits in is renamed (pure-ftpd
                // answers the next STAT with 421 and hangs up when the deploy lock is moved aside).
                await this.client.send(`CWD ${this.home}`).catch(() => undefined);
                return false;
            }
            catch (cwdErr) {
                // A lost connection is not a refusal: the step is worth another try.
                if (!(cwdErr instanceof dist.FTPError))
                    throw commandFailed(`CWD ${path}`, cwdErr);
                throw refused(`MKD ${path}`, err, `Cannot create the remote directory ${path}`);
            }
        }
    }
    async together(ops, options = {}) {
        const commands = ops.map(op => `${VERB[op.kind]} ${op.path}`);
        const replies = await this.sendAll(commands, { pipelined: true, preparePassive: options.beforeTransfer ?? false });
        return replies.map(r => r.code >= 200 && r.code < 300 ? { done: true } : { done: false, code: r.code, reply: r.message });
    }
    /**
     * Sends commands that take one reply each and resolves with every reply in order, refusals
     * included (not thrown): in one write when `pipelined` and the server takes it, else one at a
     * time. With `preparePassive`, the next transfer's passive port is asked for in the same write,
     * or, where one came behind the last STOR, its data connection starts meanwhile.
     */
    async sendAll(commands, options) {
        // A port asked for ahead is kept only by the transfer right after it.
        const ahead = options.preparePassive && this.connector.connectAhead(this.client);
        if (!ahead)
            this.connector.forget();
        const asks = options.preparePassive && !ahead;
        const all = asks ? [...commands, this.connector.passiveCommand] : commands;
        let replies;
        if (options.pipelined && this.server.pipelining) {
            try {
                replies = await sendPipelined(this.client, all, fitsCommand);
            }
            catch (err) {
                if (err instanceof BatchStopped) {
                    // The server read no further: the retry (on a new connection) goes one command at a time.
                    if (err.timedOut)
                        this.server.pipeliningTimedOut(err.message);
                    throw commandFailed(err.command, err.cause);
                }
                if (!(err instanceof RepliesMismatch))
                    throw err;
                this.server.pipeliningConfused(err.message);
                throw new errors/* DeployError */.sH(`The replies to commands sent together did not match them (${err.message})`, {
                    transient: true
                });
            }
        }
        else {
            replies = [];
            for (const command of all) {
                try {
                    const res = await this.client.send(command);
                    replies.push({ code: res.code, message: res.message });
                }
                catch (err) {
                    if (!(err instanceof dist.FTPError))
                        throw commandFailed(command, err);
                    replies.push({ code: err.code, message: err.message });
                }
            }
        }
        if (asks)
            this.connector.prepare(replies.pop());
        return replies;
    }
    async upload(source, remotePath) {
        const data = await this.connector.open(this.client);
        const tls = { early: this.server.earlyTls, onEarlyReset: () => this.server.earlyTlsReset() };
        return store(this.client, data, source, remotePath, tls, this.connector.behindStor());
    }
    commit(c) {
        return commitTogether(this, c);
    }
    async download(remotePath, maxBytes) {
        // Ask first without a data connection: ProFTPD answers RETR of a missing file by resetting
        // the data connection, which basic-ftp takes for a dead session. The size also tells a
        // whole download from a cut one.
        // The data connection's passive port is asked for in the same write, where the server takes it.
        const [size] = await this.sendAll([`SIZE ${remotePath}`], { pipelined: true, preparePassive: true });
        // SIZE refused as a command (`550 Permission denied.`) is not "no such file": RETR tells.
        const unavailable = sizeUnavailable(size);
        if (unavailable)
            this.server.sizeUnavailable(size.message);
        if (size.code === 550 && !unavailable)
            return undefined;
        if (size.code >= 300 && !unavailable)
            throw new dist.FTPError(size);
        const expected = sizeIn(size);
        if (expected !== undefined && expected > maxBytes)
            throw tooLarge(remotePath, `is ${expected} bytes,`, maxBytes);
        let data;
        try {
            data = await retrieve(this.client, await this.connector.open(this.client), `RETR ${remotePath}`, maxBytes);
        }
        catch (err) {
            // 550: no such file (RFC 959); anything else is a real failure, not "absent".
            if (err instanceof dist.FTPError && err.code === 550)
                return undefined;
            if (err instanceof TooManyBytes)
                throw tooLarge(remotePath, 'came with', maxBytes);
            throw err;
        }
        if (expected !== undefined && data.length !== expected) {
            throw new errors/* DeployError */.sH(`Download of ${remotePath} is incomplete: ${data.length} of ${expected} bytes arrived`, {
                command: 'RETR',
                transient: true
            });
        }
        return data;
    }
    async size(remotePath) {
        this.connector.forget();
        if (this.server.size) {
            try {
                return await this.client.size(remotePath);
            }
            catch (err) {
                // SIZE not implemented (RFC 3659 is optional) or refused as a command; else a real answer.
                if (!(err instanceof dist.FTPError && sizeUnavailable(err)))
                    throw err;
                this.server.sizeUnavailable(err.message);
            }
        }
        // Its STAT line instead, where STAT lists (not a name STAT would glob).
        if (!this.server.statLists || globbed(remotePath))
            return undefined;
        const [stat] = await this.sendAll([`STAT ${remotePath}`], { pipelined: false, preparePassive: false });
        return statFileSize(stat, remotePath);
    }
    async list(path) {
        return listDirectory(this.client, this.connector, path, this.server);
    }
    async listEntries(path) {
        if (this.server.listCommand === 'MLSD' || !this.server.statLists)
            return this.list(path);
        let infos;
        try {
            infos = await this.statList(path);
        }
        catch (err) {
            // The connection is gone (a refusal is a reply, not thrown): the retry lists over LIST.
            this.server.statListsLost((0,errors/* describeError */.Uc)(err));
            throw err;
        }
        return infos ?? this.list(path);
    }
    async statList(path) {
        this.connector.forget();
        return (await statListings([path], this.sendCommands(false)))[0];
    }
    statLists(paths, pipelined) {
        return statListings(paths, this.sendCommands(pipelined));
    }
    /** sendAll without a passive port asked ahead: one write when `pipelined`. */
    sendCommands(pipelined) {
        return commands => this.sendAll(commands, { pipelined, preparePassive: false });
    }
    async rename(from, to) {
        this.connector.forget();
        try {
            await this.client.send(`RNFR ${from}`);
            await this.client.send(`RNTO ${to}`);
        }
        catch (err) {
            if (!(err instanceof dist.FTPError))
                throw err;
            throw new errors/* DeployError */.sH(`Could not rename ${from} to ${to}: ${err.message}`, {
                command: 'RNFR/RNTO',
                code: err.code,
                reply: err.message,
                transient: replyIsTransient(err.code, err.message)
            });
        }
    }
    async chmod(path, mode) {
        this.connector.forget();
        try {
            await this.client.send(`SITE CHMOD ${mode} ${path}`);
        }
        catch (err) {
            if (!(err instanceof dist.FTPError))
                throw err;
            throw new errors/* DeployError */.sH(`Could not set mode ${mode} on ${path}: the server answered SITE CHMOD with ${err.message}`, {
                command: 'SITE CHMOD',
                code: err.code,
                reply: err.message,
                transient: replyIsTransient(err.code, err.message)
            });
        }
    }
    async remove(path) {
        this.connector.forget();
        await this.client.send(`DELE ${path}`);
    }
    async removeDir(path) {
        this.connector.forget();
        await this.client.send(`RMD ${path}`);
    }
    close() {
        this.log.debug('Closing the FTP session');
        this.client.close();
    }
}
/** A lost connection or a timeout on `command`, named (a refusal is its reply, not this). */
function commandFailed(command, err) {
    if (err instanceof errors/* DeployError */.sH || !(err instanceof Error))
        return err;
    return new errors/* DeployError */.sH(`${commandNamed(command)}: ${err.message}`, { command: command.split(' ')[0], transient: isTransient(err) }, { cause: err });
}

;// CONCATENATED MODULE: ./src/ftp/translate.ts
/**
 * The transport's boundary for errors: basic-ftp's FTPError becomes core's ReplyError (same code,
 * same text), so nothing above src/ftp/ needs the library to tell a refusal from a lost connection.
 */


/** A refusal as core's ReplyError; anything else as it was. */
function translatedError(err) {
    return err instanceof dist.FTPError ? new errors/* ReplyError */.vO(err.code, err.message) : err;
}
/** `session` with every promise it returns rejecting with translated errors. */
function translated(session) {
    return new Proxy(session, {
        get(target, key, receiver) {
            const value = Reflect.get(target, key, receiver);
            if (typeof value !== 'function')
                return value;
            return (...args) => {
                const result = value.apply(target, args);
                return result instanceof Promise
                    ? result.catch((err) => {
                        throw translatedError(err);
                    })
                    : result;
            };
        }
    });
}

;// CONCATENATED MODULE: ./src/ftp/open-session.ts
/** Opens an FTPS session: the control connection secured, logged in and protected (handshake.ts). */











/** Opens a secured, logged-in session. The password never reaches a log line. */
const openSession = async (settings, log, server = new ServerRecord(log, { atomic: true })) => {
    if (server.stopped !== undefined)
        throw server.stopped;
    const client = new dist.Client(settings.timeoutMs);
    setNameEncoding(client, settings.encoding);
    // The protocol log only when someone reads it: redacting every line costs CPU on every file.
    setProtocolLog(client, log.debugEnabled === false
        ? undefined
        : message => log.debug((0,core_log/* redact */.E$)(withoutAccount(message.trimEnd()), [settings.password])));
    dropTaskStacks(client);
    skipStrayCompletions(client);
    refuseLongLines(client);
    if (settings.sourceAddress !== undefined)
        bindSockets(client, settings.sourceAddress);
    const connector = new PassiveConnector(settings.tlsFingerprints, settings.sourceAddress, server);
    client.prepareTransfer = connector.prepareTransfer(client);
    try {
        const greeting = await secureControl(client, settings, server);
        server.greeted(greeting);
        const { home, features } = await loginAndProtect(client, settings, server);
        const socket = controlSocket(client);
        const tlsVersion = socket instanceof external_node_tls_.TLSSocket ? (socket.getProtocol() ?? '') : '';
        const fingerprint = socket instanceof external_node_tls_.TLSSocket ? peerFingerprint(socket) : '';
        const session = new BasicFtpSession(client, connector, tlsVersion, fingerprint, home, server, log, features);
        server.hashAlgorithm = session.hashAlgorithm;
        return translated(session);
    }
    catch (err) {
        client.close();
        if (err instanceof errors/* DeployError */.sH)
            throw err;
        throw new errors/* DeployError */.sH(`Could not connect to ${settings.host}:${settings.port}: ${(0,core_log/* redact */.E$)(err instanceof Error ? err.message : String(err), [settings.password])}`, {}, { cause: translatedError(err) });
    }
};
/** The account travels like a password (ACCT, RFC 959 4.1.1): its line is logged as basic-ftp logs PASS. */
function withoutAccount(line) {
    return line.replace(/^(\S* ?> ACCT ).*$/m, '$1###');
}

;// CONCATENATED MODULE: ./src/ftp/index.ts
/**
 * The FTPS transport, as the layers above see it: its opener, the session interface it
 * implements and the record of what the server allows (both core's). Nothing above src/ftp/
 * imports anything else from here, or basic-ftp at all (a lint rule keeps it so).
 */



// EXTERNAL MODULE: ./src/local/local-plan.ts
var local_plan = __nccwpck_require__(4326);
;// CONCATENATED MODULE: ./src/lock/lock-dir.ts
/**
 * What is inside a deploy lock directory and how a run reads it: holder.json (who holds it,
 * since when, and the run's random token) and the heartbeat, a directory named
 * beat-<token><n> that the holder renames to the next n while it runs. The token in the
 * heartbeat's name is what makes a lock a run's own: renewing, releasing and breaking each act
 * on a heartbeat by its name, so none of them touches a lock another run made meanwhile.
 */





const HOLDER = 'holder.json';
/** Heartbeats of this version (beat-<token><n>) and of earlier ones (beat-<n>). */
const BEAT = /^beat-/;
/**
 * The most of holder.json a waiter reads: a few hundred bytes are written. A bigger file is no
 * lock of this tool's making; it names an unknown holder, judged by its heartbeat alone.
 */
const HOLDER_MAX_BYTES = 64 * 1024;
/**
 * A run's token: random, so no two runs (the same GitHub run's jobs included) share one. Twelve
 * decimal digits, so its heartbeat's name stays beat-<digits>, the only form earlier versions
 * see as a heartbeat: a waiter of an earlier version sees this one's move and never takes the
 * lock for a stale one.
 */
const newToken = () => Array.from({ length: 12 }, () => String((0,external_node_crypto_.randomInt)(10))).join('');
/** The heartbeat's name for a run's n-th beat. */
const beatName = (token, n) => `beat-${token}${n}`;
/** The beat number of a heartbeat of this run's, or undefined for another's. */
function ownBeatNumber(name, token) {
    const prefix = `beat-${token}`;
    const rest = name.slice(prefix.length);
    return name.startsWith(prefix) && /^\d+$/.test(rest) ? Number(rest) : undefined;
}
/** Whether a heartbeat name is this run's. */
const isOwnBeat = (name, token) => ownBeatNumber(name, token) !== undefined;
const describeSeen = (seen) => seen === undefined || seen.holder === ''
    ? seen !== undefined && seen.raw !== ''
        ? `an unknown run (${HOLDER} ${seen.raw.startsWith('size:') ? `of ${seen.raw.slice(5)} bytes, over the ${HOLDER_MAX_BYTES / 1024} KiB this tool reads` : 'unreadable'})`
        : 'an unknown run (no holder.json yet)'
    : `${seen.holder} since ${seen.since}`;
/** Two looks at a lock show the same holder and the same heartbeat: nothing moved between them. */
const sameLock = (a, b) => a.beat === b.beat && a.raw === b.raw;
/** The lock directory at `path` as it is now; undefined when there is none. */
async function inspectLockDir(session, path) {
    const infos = await session
        .statList(path)
        .then(found => found ?? session.list(path))
        .catch(() => undefined);
    if (infos === undefined)
        return undefined;
    const beat = infos
        .map(i => i.name)
        .filter(n => BEAT.test(n))
        .sort()
        .join(',');
    const listed = infos.find(i => i.name === HOLDER);
    const seen = { holder: '', since: '', token: '', beat, raw: '' };
    if (listed !== undefined && listed.size > HOLDER_MAX_BYTES)
        return { ...seen, raw: `size:${listed.size}` };
    const data = await session.download(external_node_path_.posix.join(path, HOLDER), HOLDER_MAX_BYTES).catch(() => undefined);
    if (data === undefined)
        return seen;
    if (data.length > HOLDER_MAX_BYTES)
        return { ...seen, raw: `size:${data.length}` };
    const raw = data.toString('utf8');
    try {
        const doc = JSON.parse(raw);
        const text = (v) => (typeof v === 'string' ? v : '');
        return { ...seen, raw, holder: text(doc.holder), since: text(doc.since), token: text(doc.token) };
    }
    catch {
        // A holder.json cut short by a kill: an unknown holder, judged by its heartbeat alone.
        return { ...seen, raw };
    }
}
/** The lock in remote-dir as it is now; undefined when there is none. */
function inspectLock(session, remoteRoot) {
    return inspectLockDir(session, external_node_path_.posix.join(remoteRoot, remote_path/* LOCK_DIR */.UE));
}
/** Empties and removes a lock directory (refusals are quiet: what is gone is gone). */
async function removeLockDir(session, path) {
    const infos = (await session.statList(path).catch(() => undefined)) ?? (await session.list(path).catch(() => []));
    for (const info of infos)
        if (BEAT.test(info.name))
            await quietly(session.removeDir(external_node_path_.posix.join(path, info.name)));
    // By name: a listing may miss it (and it may never have been written).
    await quietly(session.remove(external_node_path_.posix.join(path, HOLDER)));
    await quietly(session.removeDir(path));
}

;// CONCATENATED MODULE: ./src/lock/lock-wait.ts
/** A waiter's pause for the deploy lock, cut short by the run's cancel (contract: a cancel stops the lock wait too). */

/** Throws when the run was cancelled, naming the wait. */
function throwIfCancelled(signal, remoteRoot) {
    if (signal?.aborted) {
        throw new errors/* DeployError */.sH(`Waiting for the deploy lock on ${remoteRoot}: cancelled (${String(signal.reason ?? 'aborted')})`, {
            transient: false
        });
    }
}
/** Settles when `wait` does or when `signal` aborts, whichever comes first. */
async function cancellable(wait, signal) {
    if (signal === undefined)
        return wait;
    let onAbort = () => undefined;
    const aborted = new Promise(resolve => {
        onAbort = resolve;
        signal.addEventListener('abort', onAbort, { once: true });
    });
    await Promise.race([wait, aborted]);
    signal.removeEventListener('abort', onAbort);
}

;// CONCATENATED MODULE: ./src/lock/lock-steps.ts
/**
 * The lock's changes as steps on one session, each acting on a heartbeat by its name (it carries
 * a run's token, lock-dir.ts), so each touches only the lock it means: the holder's renewal and
 * release of its own, a waiter's break of the stale one it saw. Each is safe to try again after
 * a lost connection (the pool retries it on a new one): a refusal is followed by a look.
 */



/** The names of a run's own heartbeats in the lock directory; undefined when it cannot be listed. */
async function ownBeats(session, path, token) {
    const infos = await session
        .statList(path)
        .then(found => found ?? session.list(path))
        .catch(() => undefined);
    return infos?.map(i => i.name).filter(n => isOwnBeat(n, token));
}
/**
 * One beat: the heartbeat renamed from `beat` to the next number, which succeeds only in this
 * run's own lock. The beat number now, or undefined when the lock is no longer this run's.
 */
async function renewBeat(session, path, token, beat, moves) {
    const from = external_node_path_.posix.join(path, beatName(token, beat));
    const to = external_node_path_.posix.join(path, beatName(token, beat + 1));
    if (!moves.byMkdir && (await quietly(session.rename(from, to))))
        return beat + 1;
    // Refused: the heartbeat is not where it was (a retry after the rename went through, or the
    // lock was broken), or the server renames no directories. A look tells which.
    const mine = await ownBeats(session, path, token);
    if (mine === undefined || mine.length === 0)
        return undefined;
    if (mine.includes(beatName(token, beat + 1)))
        return beat + 1;
    if (!mine.includes(beatName(token, beat)))
        return ownBeatNumber(mine[0], token);
    moves.byMkdir = true;
    await session.makeDir(to);
    await quietly(session.removeDir(from));
    return beat + 1;
}
/**
 * Takes a stale lock over by renaming its first heartbeat to this run's first: one rename,
 * which only one waiter wins, and which fails where the directory holds another lock by now.
 * The lock is never free in between, so no third run slips in. Whatever else the stale holder
 * left beside it (`beats`, sorted, all of that holder's) is removed.
 */
async function takeOverBeat(session, path, beats, token) {
    const [stale, ...others] = beats;
    const took = (await quietly(session.rename(external_node_path_.posix.join(path, stale), external_node_path_.posix.join(path, beatName(token, 0))))) ||
        // Another waiter was first, or the holder came back, or a retry after this rename went through.
        ((await ownBeats(session, path, token)) ?? []).length > 0;
    if (took)
        for (const name of others)
            await quietly(session.removeDir(external_node_path_.posix.join(path, name)));
    return took;
}
/**
 * A stale lock without a heartbeat (its holder was killed before the first beat): moved aside to
 * `aside` (one waiter wins the rename), removed only if what was moved is what was judged stale,
 * else put back.
 */
async function breakBeatless(session, path, aside, seen) {
    if (!(await quietly(session.rename(path, aside)))) {
        // Another waiter moved it first (the lock is gone or new: look again), or the server
        // renames no directories: then removed in place, after a last look that it is unchanged.
        const again = await inspectLockDir(session, path);
        if (again === undefined || !sameLock(again, seen))
            return 'changed';
        await removeLockDir(session, path);
        return 'removed';
    }
    const moved = await inspectLockDir(session, aside);
    if (moved !== undefined && sameLock(moved, seen)) {
        await removeLockDir(session, aside);
        return 'removed';
    }
    // A lock another waiter took in between: put back.
    return (await quietly(session.rename(aside, path))) ? 'put back' : 'stuck aside';
}
/**
 * Removes the run's own lock: its heartbeat first, by name (so the directory is the one this
 * run made), then holder.json and the directory. A lock with no heartbeat of this run's is left
 * alone unless its holder.json carries this run's token (a release tried again).
 */
async function releaseOwn(session, path, token, beat, moves) {
    if (!moves.beatRemoved) {
        if (await quietly(session.removeDir(external_node_path_.posix.join(path, beatName(token, beat)))))
            moves.beatRemoved = true;
        else {
            for (const name of (await ownBeats(session, path, token)) ?? []) {
                if (await quietly(session.removeDir(external_node_path_.posix.join(path, name))))
                    moves.beatRemoved = true;
            }
        }
    }
    if (!moves.beatRemoved) {
        const seen = await inspectLockDir(session, path);
        if (seen?.token !== token)
            return { outcome: 'not ours' };
    }
    const done = await session.together([
        { kind: 'remove', path: external_node_path_.posix.join(path, HOLDER) },
        { kind: 'rmdir', path }
    ]);
    const removed = done[1];
    return removed.done ? { outcome: 'released' } : { outcome: 'kept', reply: removed.reply };
}

;// CONCATENATED MODULE: ./src/lock/lock.ts
/**
 * The deploy lock on remote-dir: a directory made with MKD, which fails on every server when it
 * exists, so two runs never both make it. Inside, holder.json says who holds it and since when,
 * and the heartbeat (lock-dir.ts) is renamed while the holder runs. A waiter measures on its own
 * clock how long neither has moved (no two machines' clocks are compared), and breaks the lock
 * once that passes `staleAfterMs`. Every step that changes the lock names the heartbeat it
 * expects, with the run's token in it, so a run only ever renews, releases or breaks the lock
 * it means to: never one another run made meanwhile.
 */







/**
 * 5 s beats; stale after a minute without one: longer than a live holder's renewal can take
 * on a slow or briefly failing connection (a timeout plus a retry), short enough that a run
 * after a killed one starts within about a minute.
 */
const LOCK_TIMING = { heartbeatMs: 5_000, staleAfterMs: 60_000, pollMs: 2_000 };
const lockPath = (o) => external_node_path_.posix.join(o.remoteRoot, o.lockName ?? remote_path/* LOCK_DIR */.UE);
class DeployLock {
    o;
    onLost;
    token;
    beat = 0;
    timer;
    lastBeat;
    released = false;
    /** Why the lock is no longer this run's (its heartbeat is gone): then it is never touched again. */
    lost;
    /** How the heartbeat moves, and how far a release got (lock-steps.ts). */
    moves = { byMkdir: false, beatRemoved: false };
    renewing = Promise.resolve();
    releaseHooks = [];
    constructor(o, onLost) {
        this.o = o;
        this.onLost = onLost;
        this.lastBeat = o.now();
        this.token = o.token ?? newToken();
    }
    /** Takes the lock, waiting for a live holder up to `timeoutMs` and breaking a stale one. */
    static async acquire(o, onLost, madeAlready = false) {
        const lock = new DeployLock(o, onLost);
        const started = o.now();
        let seen;
        let movedAt = started;
        let lastSaid = -Infinity;
        let saidFor = '';
        for (let first = true;; first = false) {
            throwIfCancelled(o.signal, o.remoteRoot);
            // MKD fails where the directory exists: true only for the one run that made it.
            const made = (first && madeAlready) || (await o.run('Taking the deploy lock', session => session.makeDir(lockPath(o))));
            if (made && (await lock.claim())) {
                // A holder that finished before it was ever named in a waiting line: said now.
                if (seen !== undefined && lastSaid === -Infinity) {
                    o.log.info(`Waited ${((o.now() - started) / 1000).toFixed(1)} s for the deploy lock on ${o.remoteRoot}, held by ${describeSeen(seen)}`);
                }
                return lock;
            }
            const now = o.now();
            const waited = now - started;
            const current = made
                ? undefined
                : await o.run('Reading the deploy lock', session => inspectLockDir(session, lockPath(o)));
            if (current === undefined) {
                // Released meanwhile, or a directory this run can neither make nor read: a bounded wait.
                if (waited >= o.timeoutMs) {
                    throw new errors/* DeployError */.sH(`Could not take the deploy lock on ${o.remoteRoot}: ${remote_path/* LOCK_DIR */.UE} could not be made and no lock is there to wait for; gave up after lock-timeout ${Math.round(o.timeoutMs / 1000)} s`, { transient: false });
                }
                await lock.pause(Math.min(o.timing.pollMs, Math.max(0, o.timeoutMs - waited)));
                continue;
            }
            // A new holder or a heartbeat that moved: measured from now. Compared by name and content,
            // so a new holder's heartbeat of the same number (or the same holder.json size) still counts.
            if (seen === undefined || !sameLock(current, seen))
                movedAt = now;
            seen = current;
            if (now - movedAt >= o.timing.staleAfterMs) {
                o.log.warning(`Breaking a stale deploy lock on ${o.remoteRoot}, held by ${describeSeen(seen)}: its heartbeat has not moved for ${Math.round((now - movedAt) / 1000)} s`);
                if (await lock.breakStale(seen))
                    return lock;
                seen = undefined;
                continue;
            }
            if (waited >= o.timeoutMs) {
                throw new errors/* DeployError */.sH(`The deploy lock on ${o.remoteRoot} is held by ${describeSeen(seen)}; gave up after lock-timeout ${Math.round(o.timeoutMs / 1000)} s (${remote_path/* LOCK_DIR */.UE} in remote-dir; it is broken automatically once its holder stops renewing it for ${o.timing.staleAfterMs / 1000} s)`, { transient: false });
            }
            // A holder writes holder.json right after its MKD: look again soon rather than report an
            // unknown holder that is about to be known. Said again every 30 s, and when it changes.
            const unknown = seen.holder === '' && seen.raw === '' && waited < o.timing.staleAfterMs / 4;
            if (!unknown && (now - lastSaid >= 30_000 || describeSeen(seen) !== saidFor)) {
                saidFor = describeSeen(seen);
                o.log.info(`Waiting for the deploy lock on ${o.remoteRoot}: held by ${describeSeen(seen)} (waited ${Math.round(waited / 1000)} s)`);
                lastSaid = now;
            }
            const pause = unknown ? Math.min(200, o.timing.pollMs) : o.timing.pollMs;
            await lock.pause(Math.min(pause, Math.max(0, o.timeoutMs - waited)));
        }
    }
    /** A waiter's pause, cut short by a cancel. */
    async pause(ms) {
        await cancellable(this.o.sleep(ms), this.o.signal);
        throwIfCancelled(this.o.signal, this.o.remoteRoot);
    }
    /**
     * Says who holds it and starts the heartbeat in the directory this run just made. False when
     * that directory is gone already (moved aside by a waiter that took it for a stale one).
     */
    async claim() {
        await this.writeHolder();
        const path = lockPath(this.o);
        const started = await this.o
            .run('Starting the deploy lock', session => session.makeDir(external_node_path_.posix.join(path, beatName(this.token, 0))))
            .then(() => true, (err) => {
            if (isRefusal(err))
                return false;
            throw err;
        });
        if (started)
            this.startBeating();
        return started;
    }
    async writeHolder() {
        const path = lockPath(this.o);
        const holder = {
            holder: this.o.identity.description,
            since: new Date(this.o.now()).toISOString(),
            token: this.token
        };
        // Who holds it is for the people waiting: a server that refuses the file still has a lock.
        await this.o
            .run('Writing the deploy lock', session => session.upload(Buffer.from(JSON.stringify(holder, null, 1) + '\n'), external_node_path_.posix.join(path, HOLDER)))
            .catch(err => this.o.log.warning(`The deploy lock is held, but ${HOLDER} could not be written: ${(0,errors/* describeError */.Uc)(err)}`));
    }
    startBeating() {
        this.lastBeat = this.o.now();
        this.o.log.info(`Took the deploy lock ${lockPath(this.o)}`);
        this.schedule();
    }
    schedule() {
        if (this.released || this.lost !== undefined)
            return;
        this.timer = setTimeout(() => {
            this.renewing = this.renew().finally(() => this.schedule());
        }, this.o.timing.heartbeatMs);
        this.timer.unref();
    }
    /** One beat: the heartbeat renamed to its next number, which only succeeds in this run's own lock. */
    async renew() {
        const path = lockPath(this.o);
        try {
            const now = await (this.o.beatRun ?? this.o.run)('Renewing the deploy lock', session => renewBeat(session, path, this.token, this.beat, this.moves));
            if (now === undefined) {
                this.lost = `its heartbeat ${beatName(this.token, this.beat)} is gone from ${path} (another run broke the lock)`;
                this.onLost(`the deploy lock is no longer this run's: ${this.lost}`);
                return;
            }
            this.beat = now;
            this.lastBeat = this.o.now();
        }
        catch (err) {
            this.o.log.warning(`Could not renew the deploy lock: ${(0,errors/* describeError */.Uc)(err)}`);
        }
        // A holder whose heartbeat others may take for dead stops before they break its lock.
        if (!this.released && this.o.now() - this.lastBeat > this.o.timing.staleAfterMs / 2) {
            this.onLost(`the deploy lock could not be renewed for ${Math.round((this.o.now() - this.lastBeat) / 1000)} s; another run may take it over`);
        }
    }
    /**
     * Breaks the stale lock `seen`; true when this run holds the lock then. With a heartbeat, the
     * lock is taken over by renaming that heartbeat to this run's: one rename, which only one
     * waiter wins and which fails when the directory is another lock by now (the name carries
     * the stale holder's token), and the lock is never free in between. Without one (a holder
     * killed before its first beat), the directory is moved aside to a name of this run's and
     * removed only if what was moved is what was judged stale; else it is put back.
     */
    async breakStale(seen) {
        const path = lockPath(this.o);
        const run = this.o.run;
        if (seen.beat !== '') {
            const beats = seen.beat.split(',');
            if (!(await run('Breaking the deploy lock', session => takeOverBeat(session, path, beats, this.token))))
                return false;
            await this.writeHolder();
            this.startBeating();
            return true;
        }
        const aside = `${path}.stale-${this.token}-${this.o.now().toString(36)}`;
        const outcome = await run('Breaking the deploy lock', session => breakBeatless(session, path, aside, seen));
        if (outcome === 'stuck aside') {
            this.o.log.warning(`Moved a deploy lock taken meanwhile to ${aside} and could not put it back; its holder stops at its next heartbeat`);
        }
        return false;
    }
    onRelease(hook) {
        this.releaseHooks.push(hook);
    }
    /** Releases the lock: at the end, on failure and on cancel. Only this run's own. */
    async release() {
        this.released = true;
        clearTimeout(this.timer);
        // A renewal in flight would leave a heartbeat behind in the directory being removed.
        await this.renewing;
        this.releaseHooks.forEach(hook => hook());
        const path = lockPath(this.o);
        if (this.lost !== undefined) {
            this.o.log.info(`Left the deploy lock ${path} alone: it is no longer this run's (${this.lost})`);
            return;
        }
        const done = await this.o.run('Releasing the deploy lock', session => releaseOwn(session, path, this.token, this.beat, this.moves));
        if (done.outcome === 'released')
            this.o.log.info(`Released the deploy lock ${path}`);
        else if (done.outcome === 'not ours')
            this.o.log.info(`Left the deploy lock ${path} alone: it is not this run's (its heartbeat is gone)`);
        else
            this.o.log.warning(`The deploy lock ${path} was not removed: ${done.reply}; if it is still there, it goes stale and is broken by the next run`);
    }
}

;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
;// CONCATENATED MODULE: ./src/lock/run-lock.ts
/**
 * The deploy lock as a run uses it: remote-dir made first (the lock lives in it), the lock
 * taken before the server's state is read, its heartbeat on a session of its own, released at
 * the end whatever happened. A dry run only says whether one is held.
 */








/** The CLI's identity: this machine, this user, this process. */
function localIdentity() {
    let user = 'unknown user';
    try {
        user = (0,external_node_os_namespaceObject.userInfo)().username;
    }
    catch {
        // No passwd entry (some containers): the host and pid still tell runs apart.
    }
    return { description: `ftps-deploy on ${(0,external_node_os_namespaceObject.hostname)()} as ${user}, pid ${process.pid}` };
}
async function takeRunLock(o) {
    // Lock steps run even after a cancel: a run must never leave its lock behind.
    const run = (what, fn) => o.pool.run(what, fn, { always: true });
    const home = new Set((0,remote_path/* pathPrefixes */.ux)(o.home));
    const chain = (0,remote_path/* pathPrefixes */.ux)(o.remoteRoot).filter(d => !home.has(d));
    let created = false;
    let madeLock = false;
    await run('Creating remote-dir', async (session) => {
        // Usually remote-dir exists and the lock is free: its chain and the lock's MKD in one write.
        const madeHere = new Set();
        if (session.server.pipelining) {
            const lockDir = external_node_path_.posix.join(o.remoteRoot, o.lockName ?? remote_path/* LOCK_DIR */.UE);
            const made = await session.together([...chain, lockDir].map(path => ({ kind: 'mkdir', path })), { beforeTransfer: true });
            chain.forEach((dir, i) => made[i].done && madeHere.add(dir));
            madeLock = made[chain.length].done;
        }
        for (const dir of chain) {
            if (madeHere.has(dir)) {
                created = true;
                if (o.dirMode !== undefined)
                    await session.chmod(dir, o.dirMode);
            }
            else if (!madeLock && (await makeDir(session, dir, o.dirMode)))
                created = true;
        }
    });
    const heartbeat = new HeartbeatSession(o.openSession, o.pool, o.log);
    const lock = await DeployLock.acquire({
        remoteRoot: o.remoteRoot,
        lockName: o.lockName,
        identity: o.identity,
        timeoutMs: o.timeoutMs,
        timing: o.timing,
        now: o.now,
        sleep: o.sleep,
        log: o.log,
        run,
        beatRun: heartbeat.run,
        signal: o.signal
    }, reason => {
        o.log.warning(`Stopping: ${reason}`);
        o.pool.cancel(reason);
    }, madeLock);
    // Opened now, and the pool opens no more connections until it is in: a host that limits
    // connections keeps a slot for the heartbeat, and the uploads go on with the rest.
    o.pool.holdOpenings(heartbeat.open());
    lock.onRelease(() => heartbeat.close());
    return { lock, createdRoot: created ? chain : [] };
}
/** A dry run takes no lock: it says whether one is held. */
async function reportHeldLock(pool, remoteRoot, log) {
    const seen = await pool
        .run('Reading the deploy lock', session => inspectLock(session, remoteRoot))
        .catch(() => undefined);
    // vsftpd lists a missing directory as empty: only a holder or a heartbeat shows a lock.
    if (seen === undefined || (seen.holder === '' && seen.beat === ''))
        log.info(`No deploy lock is held on ${remoteRoot}`);
    else {
        const holder = seen.holder === '' ? 'an unknown run' : `${seen.holder} since ${seen.since}`;
        log.warning(`A deploy lock is held on ${remoteRoot} (${remote_path/* LOCK_DIR */.UE}) by ${holder}: a real run would wait for it`);
    }
}
/** The steps a held lock took, as the applied steps list them: remote-dir's chain where created, then the lock. */
function lockSteps(held, dirMode) {
    return [
        ...held.createdRoot.map(path => ({ kind: 'create root directory', path, detail: (0,plan_text/* dirDetail */.dY)({ dirMode }) })),
        { kind: 'take lock', path: remote_path/* LOCK_DIR */.UE }
    ];
}
/**
 * The heartbeat's own connection, so a beat never waits behind transfers: opened as the lock is
 * taken, opened again at once when it was dropped (ProFTPD ends sessions that transfer nothing
 * for 300 s, TimeoutNoTransfer; a host ends any after an hour). When the server refuses it (its
 * connection limit, taken by this run's other connections and other clients), that beat goes
 * through the pool ahead of every waiting transfer, and the next beat tries its own again.
 */
class HeartbeatSession {
    openSession;
    pool;
    log;
    own;
    opening;
    closed = false;
    /** After a refusal, the pool carries the beats a while before another try (a login costs round trips). */
    retryAt = 0;
    constructor(openSession, pool, log) {
        this.openSession = openSession;
        this.pool = pool;
        this.log = log;
    }
    /** Starts opening the session; settles when it is in or refused (a failure is the next beat's to handle). */
    open() {
        return this.session();
    }
    close() {
        this.closed = true;
        this.own?.close();
        this.own = undefined;
    }
    run = async (what, fn) => {
        for (let attempt = 1;; attempt++) {
            const session = await this.session();
            if (session === undefined)
                return this.pool.run(what, fn, { always: true, first: true });
            try {
                return await fn(session);
            }
            catch (err) {
                // A dropped session (an idle timeout, a cut): the same beat on a new one, once.
                if (attempt > 1 || (session.usable && !isTransient(err)))
                    throw err;
                this.log.info(`${what}: ${(0,errors/* describeError */.Uc)(err)}; again on a new connection`);
                session.close();
                if (this.own === session)
                    this.own = undefined;
            }
        }
    };
    /** The own session, open and usable, or undefined when none can be had now. */
    async session() {
        if (this.own?.usable)
            return this.own;
        this.own?.close();
        this.own = undefined;
        if (this.closed || Date.now() < this.retryAt)
            return undefined;
        this.opening ??= this.openSession().then(session => {
            if (this.closed)
                session.close();
            else
                this.own = session;
            return this.closed ? undefined : session;
        }, (err) => {
            this.log.debug(`The lock's heartbeat goes through the pool for a while: ${(0,errors/* describeError */.Uc)(err)}`);
            this.retryAt = Date.now() + 30_000;
            return undefined;
        });
        try {
            return await this.opening;
        }
        finally {
            this.opening = undefined;
        }
    }
}

;// CONCATENATED MODULE: ./src/remote/adopt.ts
/**
 * Adoption: a matched file that the manifest does not vouch for, which the server already holds
 * at its size (a first deploy onto a site that is there, a lost manifest), is compared before
 * the plan is made, so it is recorded instead of uploaded again. A remote fact like the listing:
 * it changes nothing on the server, and a dry run gathers it too.
 */






/**
 * The files worth comparing: the server holds one at the local size, and the manifest has no
 * entry of that size for it (none, or a stale one). Every other file is planned as before.
 */
function adoptionCandidates(files, facts, sync) {
    if (sync !== 'changed')
        return [];
    return files.filter(file => facts.index.files.get(file.relPath) === file.size && facts.manifest.files.get(file.relPath)?.size !== file.size);
}
/** The adoption facts for the plan; without candidates, no group and no round trip. */
async function adoptFromServer(files, facts, sync, c) {
    const candidates = adoptionCandidates(files, facts, sync);
    if (candidates.length === 0)
        return new Map();
    return c.log.group(`Adopt (${c.mode}): ${candidates.length} file(s) already on the server`, () => findAdoptions(candidates, c));
}
/** Compares the candidates as `mode` says; returns those the server holds with the local content. */
async function findAdoptions(candidates, c) {
    const adopted = new Map();
    if (c.mode === 'none' || candidates.length === 0)
        return adopted;
    if (c.mode === 'auto') {
        const algorithm = await c.pool.run('Reading the server\u2019s hash commands', async (s) => s.server.hashAlgorithm);
        if (algorithm === undefined) {
            c.log.info(`adopt: auto: the server offers no hash command (HASH, XSHA256, XSHA512, XSHA1, XMD5): ${candidates.length} file(s) ` +
                'it holds at the same size are uploaded (adopt: download compares them by downloading)');
            return adopted;
        }
    }
    const adopt = (file, sha256, evidence) => adopted.set(file.relPath, { sha256, size: file.size, evidence });
    // Empty files are equal by their size (and X commands refuse an empty range).
    for (const file of candidates.filter(f => f.size === 0))
        adopt(file, await localSha256(file), 'empty on the server too');
    const rest = candidates.filter(f => f.size > 0);
    if (c.mode === 'size')
        await bySize(rest, c, adopt);
    else if (c.mode === 'download')
        await byDownload(rest, c, adopt);
    else
        await byServerHash(rest, c, adopt);
    const differ = candidates.length - adopted.size;
    c.log.info(`adopt: ${c.mode}: ${adopted.size} of ${candidates.length} file(s) the manifest does not vouch for are on the server as here` +
        (differ > 0 ? `; ${differ} to upload` : ''));
    return adopted;
}
const localSha256 = async (file) => file.sha256 ?? sha256File(file.localPath);
const at = (c, file) => (0,remote_path/* remotePathOf */.fF)(c.remoteRoot, file.relPath);
async function bySize(files, c, adopt) {
    await forEachLimited(files, c.concurrency, async (file) => adopt(file, await localSha256(file), 'same size'));
    if (files.length === 0)
        return;
    c.log.warning(`adopt: size: ${files.length} file(s) the server already holds at the same size are taken as deployed ` +
        'without comparing content; an edit that keeps a file\u2019s size is missed (adopt: auto or download compare content)');
}
async function byDownload(files, c, adopt) {
    await forEachLimited(files, c.concurrency, async (file) => {
        const remote = await c.pool
            .run(`Download of ${file.relPath} to compare`, s => s.downloadHash(at(c, file)))
            .catch(notCompared(c, file));
        const sha256 = await localSha256(file);
        if (remote?.size === file.size && remote.sha256 === sha256)
            adopt(file, sha256, 'same SHA-256, downloaded');
    });
}
/**
 * A comparison that cannot be made (a refused RETR, a timeout on a huge file after the retries)
 * only means the file is uploaded; a cancel or a certificate failure still ends the run.
 */
function notCompared(c, file) {
    return err => {
        if (!(err instanceof errors/* ReplyError */.vO || isTransient(err)))
            throw err;
        c.log.info(`${file.relPath}: not compared (${(0,errors/* describeError */.Uc)(err)}): to upload`);
        return undefined;
    };
}
/** The server's hashes, asked for in batches (one write each where the server takes pipelined commands). */
async function byServerHash(files, c, adopt) {
    const batches = [];
    for (let i = 0; i < files.length; i += HASHES_PER_WRITE)
        batches.push(files.slice(i, i + HASHES_PER_WRITE));
    await forEachLimited(batches, c.concurrency, async (batch) => {
        const remote = await c.pool
            .run(`Hashes of ${batch.length} file(s)`, s => s.hashes(batch.map(file => ({ path: at(c, file), size: file.size }))))
            .catch(notCompared(c, batch[0]));
        for (const [i, file] of batch.entries()) {
            const hash = remote?.[i];
            if (hash === undefined)
                continue;
            const local = await hashFile(file.localPath, [...new Set(['sha256', hash.algorithm])]);
            if (local[hash.algorithm] === hash.hex) {
                adopt(file, local.sha256, `same ${IANA_NAME[hash.algorithm]} on the server (${hash.verb})`);
            }
        }
    });
}
/** Hash commands sent together at most (the server computes each: keep a batch's replies timely). */
const HASHES_PER_WRITE = 16;

;// CONCATENATED MODULE: ./src/remote/case-fold.ts
/**
 * Whether the server folds letter case (Windows, IIS: `Logo.PNG` and `logo.png` are one file,
 * and the name keeps the case it was created with). Asked only when the local files and what
 * the server holds have names that differ in case alone: elsewhere the answer changes nothing.
 */



/** The server's paths that are a local path in another spelling: what the probe is about. */
function caseCollisions(localPaths, index) {
    const local = new Set(localPaths);
    const folded = new Set([...local].map(remote_path/* foldName */.zN));
    return [...index.files.keys()].filter(path => !local.has(path) && folded.has((0,remote_path/* foldName */.zN)(path))).sort();
}
/** Local paths that differ from another local path in case alone (`a.txt`, `A.txt`), grouped. */
function localCaseClashes(localPaths) {
    const groups = new Map();
    for (const path of new Set(localPaths))
        groups.set((0,remote_path/* foldName */.zN)(path), [...(groups.get((0,remote_path/* foldName */.zN)(path)) ?? []), path]);
    return [...groups.values()].filter(group => group.length > 1).map(group => group.sort());
}
/** Spellings of path other than itself and those the index holds, most distinct first. */
function otherSpellings(path, index) {
    const swap = [...path].map(c => (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase())).join('');
    const first = path.search(/[a-zA-Z]/);
    const toggled = first < 0 ? path : path.slice(0, first) + swap[first] + path.slice(first + 1);
    return [...new Set([swap, toggled, path.toUpperCase(), path.toLowerCase()])].filter(p => p !== path && !index.files.has(p));
}
/**
 * undefined when no name collides (the plan is the same either way). Else SIZE of a spelling
 * the server does not list: a case-sensitive server answers 550, one that folds case gives the
 * size of the file it lists. A server that cannot say (no SIZE) is taken to fold case: that
 * only keeps a file that could have been deleted. Local files that differ in case alone are
 * one file on such a server: a warning says so.
 */
async function probeCaseFolding(pool, remoteRoot, localPaths, index, log) {
    const local = [...localPaths];
    const collisions = caseCollisions(local, index);
    const clashes = localCaseClashes(local);
    if (collisions.length + clashes.length === 0)
        return undefined;
    const candidates = collisions.length > 0 ? collisions : [...index.files.keys()].sort();
    const listed = candidates.find(path => otherSpellings(path, index).length > 0);
    let folds = collisions.length > 0 ? true : undefined;
    let how = 'no other spelling to ask for; taken to fold it';
    if (listed !== undefined) {
        const probe = otherSpellings(listed, index)[0];
        const size = await pool.run(`SIZE ${probe}`, async (session) => {
            try {
                return await session.size((0,remote_path/* remotePathOf */.fF)(remoteRoot, probe));
            }
            catch (err) {
                if (err instanceof errors/* ReplyError */.vO && err.code >= 500)
                    return err.code === 550 ? null : undefined;
                throw err;
            }
        });
        folds = size !== null;
        how =
            size === undefined
                ? 'the server cannot say whether it folds case (no SIZE); taken to fold it, so such a name is never deleted'
                : folds
                    ? `the server folds case (SIZE ${probe} found ${listed}): such a name is the local file's, never deleted`
                    : `the server tells case apart (SIZE ${probe}: no such file)`;
    }
    if (collisions.length > 0) {
        const some = collisions.slice(0, 3).join(', ');
        log.info(`${collisions.length} name(s) differ from a local file's in letter case alone (${some}): ${how}`);
    }
    if (clashes.length > 0 && folds !== false) {
        const some = clashes
            .slice(0, 3)
            .map(group => group.join(' and '))
            .join('; ');
        const where = folds === true ? 'this server folds case' : 'if this server folds case (Windows, IIS)';
        log.warning(`${clashes.length} group(s) of local files differ in letter case alone (${some}): ${where}, each group is one file there and the last upload wins`);
    }
    return folds;
}

;// CONCATENATED MODULE: ./src/remote/listing.ts
/** The listing output: remote entries relative to remote-dir, flat or recursive. */





/** A stale deploy lock moved aside while it is being removed (lock.ts). */
const STALE_LOCK = /^\.ftps-deploy\.lock\.stale-/;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/**
 * Parses a Unix LIST time ('Nov 25 09:40' within the last half year, 'Nov 25  2025' older)
 * or a DOS one ('11-25-26 09:40AM'), as UTC. Servers send no zone; vsftpd, pure-ftpd and
 * ProFTPD list in UTC by default.
 */
function parseListTime(raw, now = new Date()) {
    const unix = /^([A-Za-z]{3})\s+(\d{1,2})\s+(?:(\d{4})|(\d{1,2}):(\d{2}))$/.exec(raw.trim());
    if (unix) {
        const month = MONTHS.indexOf(unix[1].toLowerCase());
        if (month < 0)
            return null;
        const day = Number(unix[2]);
        if (unix[3] !== undefined)
            return new Date(Date.UTC(Number(unix[3]), month, day)).toISOString();
        let year = now.getUTCFullYear();
        const at = (y) => new Date(Date.UTC(y, month, day, Number(unix[4]), Number(unix[5])));
        // A time without a year is within the last six months: never in the future.
        if (at(year).getTime() > now.getTime() + 86_400_000)
            year -= 1;
        return at(year).toISOString();
    }
    const dos = /^(\d{2})-(\d{2})-(\d{2,4})\s+(\d{1,2}):(\d{2})(AM|PM)?$/i.exec(raw.trim());
    if (dos) {
        const y = Number(dos[3]);
        const year = y < 100 ? (y < 70 ? 2000 + y : 1900 + y) : y;
        let hour = Number(dos[4]);
        const half = dos[6]?.toUpperCase();
        if (half === 'PM' && hour < 12)
            hour += 12;
        if (half === 'AM' && hour === 12)
            hour = 0;
        return new Date(Date.UTC(year, Number(dos[1]) - 1, Number(dos[2]), hour, Number(dos[5]))).toISOString();
    }
    return null;
}
function toEntry(info, relDir) {
    const type = info.type === EntryType.Directory ? 'dir' : info.type === EntryType.SymbolicLink ? 'link' : 'file';
    const modifiedAt = info.modifiedAt ? info.modifiedAt.toISOString() : parseListTime(info.rawModifiedAt);
    return { path: relDir === '' ? info.name : external_node_path_.posix.join(relDir, info.name), type, size: info.size, modifiedAt };
}
/** How many levels below remote-dir a recursive listing goes. */
const MAX_LISTING_DEPTH = 64;
/**
 * Lists remote-dir (and, for 'recursive', every directory below it) through `list`.
 * `exclude` names entries of remote-dir itself that are ours, such as the manifest.
 */
async function collectListing(list, remoteRoot, mode, exclude, onTooDeep) {
    if (mode === 'none')
        return [];
    const entries = [];
    const pending = [''];
    let tooDeep = 0;
    while (pending.length > 0) {
        const relDir = pending.shift();
        const infos = await list(relDir === '' ? remoteRoot : external_node_path_.posix.join(remoteRoot, relDir));
        for (const info of infos) {
            if (info.name === '.' || info.name === '..' || (relDir === '' && exclude.includes(info.name)))
                continue;
            // Temporary names are ours too: those of failed attempts are being removed.
            if (TEMP_NAME.test(info.name) || STALE_LOCK.test(info.name))
                continue;
            // A name no entry of this directory can have (a server's parser gone wrong, or a hostile one).
            if (!(0,remote_path/* safeName */.jC)(info.name))
                continue;
            const entry = toEntry(info, relDir);
            entries.push(entry);
            if (mode !== 'recursive' || entry.type !== 'dir')
                continue;
            // A server may loop (a directory that contains itself): never deeper than any real site.
            if (entry.path.split('/').length < MAX_LISTING_DEPTH)
                pending.push(entry.path);
            else
                tooDeep++;
        }
    }
    if (tooDeep > 0)
        onTooDeep?.(tooDeep);
    return entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
/**
 * The listing output of remote-dir, leaving out the manifest, its backup and the lock. In a dry
 * run remote-dir may not exist yet: an empty listing is the truth then.
 */
function listRemote(list, remoteRoot, settings, log) {
    const ours = [settings.manifest, (0,core_manifest/* manifestBackupName */.r7)(settings.manifest), remote_path/* LOCK_DIR */.UE];
    const tooDeep = (dirs) => log.warning(`listing: ${dirs} director${dirs === 1 ? 'y' : 'ies'} ${MAX_LISTING_DEPTH} levels below remote-dir not listed (the server's tree loops or is deeper than a site)`);
    return collectListing(list, remoteRoot, settings.listing, ours, tooDeep).catch(err => {
        if (settings.dryRun)
            return [];
        throw err;
    });
}

;// CONCATENATED MODULE: ./src/remote/remote-state.ts
/**
 * What the server holds before the deploy: the manifest, and a listing of the directories the
 * manifest's files and the local files live in, with the temporaries found there.
 */





async function readRemoteState(q, log) {
    const manifestPath = external_node_path_.posix.join(q.remoteRoot, q.manifestName);
    let read;
    try {
        read = await readManifest(q.pool, manifestPath, log);
    }
    catch (err) {
        throw new errors/* DeployError */.sH(`Could not read the manifest ${manifestPath}: ${(0,errors/* describeError */.Uc)(err)}`, {}, { cause: err });
    }
    const { manifest } = read;
    // The manifest's directories are listed in any case (a hidden one is still there); the local
    // files' only where the parent shows them, so a first deploy lists remote-dir alone.
    const { index, temps } = await indexFiles(q, [...manifest.files.keys()], q.localPaths.flatMap(remote_path/* parentDirs */.vB));
    const abandoned = temps.filter(path => q.names.isAbandoned(external_node_path_.posix.basename(path), q.holdsLock));
    const inFlight = temps.filter(path => !abandoned.includes(path));
    if (inFlight.length > 0) {
        log.info(`Left alone: ${inFlight.length} temporary file(s) of another run that may still be uploading (${inFlight.slice(0, 3).join(', ')})`);
    }
    const rootExists = index.dirs.size > 0 || index.files.size > 0 || read.from !== 'none';
    const restoreManifest = read.from === 'backup';
    return { manifest, manifestFrom: read.from, restoreManifest, index, rootExists, abandoned, inFlight };
}

;// CONCATENATED MODULE: ./src/session/connect.ts
async function connect(settings, log, pool) {
    if (settings.tls === 'none') {
        log.warning('tls: none: the password and every file travel in clear text over the network');
    }
    else if (!settings.tlsVerify && settings.tlsFingerprints.length === 0) {
        log.warning('tls-verify: false: the server certificate is not verified; anyone on the path can read the password');
    }
    // Through the pool: a connection lost during the handshake is retried like any other.
    const session = await pool.run('Connecting', async (opened) => opened);
    const security = session.tlsVersion === ''
        ? 'plain FTP (no TLS)'
        : `${session.tlsVersion}, certificate SHA-256 ${session.fingerprint}`;
    log.info(`Logged in to ${settings.host}:${settings.port} as ${settings.user} over ${security}; login directory ${session.home}`);
    return session;
}

;// CONCATENATED MODULE: ./src/core/connection-limit.ts
/**
 * Which refusals are a server's connection limit rather than a failure (pure): the replies
 * pure-ftpd, ProFTPD, vsftpd, FileZilla Server and IIS send when an address, a user or the
 * whole server has as many connections as it allows. Contract: "A server's connection limit
 * is not a failure"; issue 11 lists the texts.
 */

/**
 * Texts of limit replies. Each names connections, users, clients or sessions with a word of
 * quantity, so a wrong password's 530 ("Login incorrect", "Sorry, no such user") never matches:
 * - pure-ftpd: "Too many connections (N) from this IP", "N users (the maximum) are already
 *   logged in, sorry", "I can't accept more than N connections as the same user"
 * - ProFTPD: "Sorry, the maximum number of clients (N) from your host are already connected.",
 *   "... of allowed clients (N) are already connected.", "... (N) for this user ..."
 * - vsftpd: "There are too many connections from your internet address.", "There are too
 *   many connected users, please try later."
 * - FileZilla Server / IIS / Serv-U: "Too many users are connected", "Maximum number of
 *   connections exceeded", "too many users logged on", "No more connections allowed"
 */
const LIMIT_TEXT = [
    /too many (?:\w+ )?(?:connections|connected users|users|clients|sessions)\b/i,
    /\busers \(the maximum\)/i,
    /can'?t accept more than \d+ connections/i,
    /maximum number of (?:\w+ )?(?:clients|connections|users|sessions|hosts)\b/i,
    /(?:connection|client|user|session) limit (?:reached|exceeded)/i,
    /no more (?:connections|clients|users|sessions)/i
];
/** Where the reply says how many: "(2)", "2 users (the maximum)", "more than 2 connections". */
const COUNT = [/\((\d+)\)/, /\b(\d+) users \(the maximum\)/i, /more than (\d+) connections/i];
/** Codes a limit comes with: 421 (service not available, RFC 959) and 530 (not logged in). */
const LIMIT_CODES = new Set([421, 530]);
/** The limit a reply announces, or undefined when it is any other reply. */
function connectionLimitOf(code, reply) {
    if (!LIMIT_CODES.has(code))
        return undefined;
    const text = reply.trim();
    if (!LIMIT_TEXT.some(pattern => pattern.test(text)))
        return undefined;
    for (const pattern of COUNT) {
        const match = pattern.exec(text);
        if (match)
            return { code, reply: text, count: Number(match[1]) };
    }
    return { code, reply: text };
}
/** The limit behind a failed connect or login (the reply may sit in an error's cause). */
function limitOfError(err) {
    for (let e = err, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
        if (e instanceof errors/* DeployError */.sH && e.details.code !== undefined) {
            return connectionLimitOf(e.details.code, e.details.reply ?? e.message);
        }
        if (e instanceof errors/* ReplyError */.vO)
            return connectionLimitOf(e.code, e.message);
    }
    return undefined;
}
/**
 * How many connections the pool may hold: the concurrency asked for, lowered to what the
 * server let in when it refuses one for its limit, raised by one again after a while (another
 * client may have gone). Warns once, when the openings in flight at the first refusal are done.
 */
class ConnectionCap {
    wanted;
    options;
    current;
    limit;
    loweredAt = 0;
    warned = false;
    constructor(wanted, options) {
        this.wanted = wanted;
        this.options = options;
        this.current = wanted;
    }
    /** The count allowed now; one more than before when the last lowering is old enough. */
    allowed() {
        if (this.limit !== undefined && this.current < this.wanted) {
            const now = this.options.now();
            if (now - this.loweredAt >= this.options.raiseAfterMs) {
                this.current += 1;
                this.loweredAt = now;
            }
        }
        return this.current;
    }
    /** The server refused a connection for `limit` while `others` of ours were open or opening. */
    lower(limit, others) {
        this.limit ??= limit;
        this.current = Math.max(1, Math.min(this.current, others, limit.count ?? Number.POSITIVE_INFINITY));
        this.loweredAt = this.options.now();
    }
    /**
     * The one warning, once no opening is in flight any more (so it names the settled count).
     * `outside`: the run's connections beside these (the lock's heartbeat), counted in.
     */
    takeWarning(opening, outside = 0) {
        if (this.warned || this.limit === undefined || opening > 0)
            return undefined;
        this.warned = true;
        return (`The server limits connections ("${this.limit.reply}"): going on with ${this.current + outside} ` +
            `connection(s) instead of ${this.wanted} (concurrency); no file's retries are spent on it`);
    }
    get lowered() {
        return this.limit !== undefined;
    }
}

;// CONCATENATED MODULE: ./src/session/moment.ts
/**
 * A moment a task may be stopped at: a cancel, or the end of its time to clean up. Each task
 * listens while it runs and stops listening when done (a long run keeps no listener per task).
 */
class Moment {
    reached = false;
    listeners = new Set();
    reach() {
        this.reached = true;
        for (const listener of [...this.listeners])
            listener();
    }
    /** `work`, or `error()` once the moment is reached, whichever comes first. */
    race(work, error) {
        return new Promise((resolve, reject) => {
            const stop = () => reject(error());
            if (this.reached)
                return stop();
            this.listeners.add(stop);
            work.then(resolve, reject).finally(() => this.listeners.delete(stop));
        });
    }
}

;// CONCATENATED MODULE: ./src/session/pool.ts
/**
 * A pool of sessions, each its own control connection and TLS session (one basic-ftp Client
 * runs one task at a time). `run` retries transient failures on a fresh connection with
 * backoff; final failures are thrown at once with the server's reply. A connection refused for
 * the server's connection limit lowers the pool's size instead: the task waits for a session.
 */





class SessionPool {
    open;
    options;
    log;
    idle = [];
    all = new Set();
    opening = 0;
    waiting = [];
    sleep;
    cancelled;
    /** Reached at the cancel: tasks other than `always` ones stop there, their transfers aborted. */
    stopping = new Moment();
    /** Reached when a cancel's time to clean up has run out: `always` tasks stop there too. */
    outOfTime = new Moment();
    expired = false;
    deadlineTimer;
    /** Settles once a connection opened outside the pool is in (holdOpenings), or on cancel. */
    heldBack;
    /** Connections of the run outside the pool that got in (the lock's heartbeat): they take slots too. */
    outside = 0;
    /** After closeAll: a session that finishes opening is closed at once. */
    closed = false;
    cap;
    /** What this run learns about the server: every session the pool opens shares it. */
    server;
    constructor(open, options, log, first) {
        this.open = open;
        this.options = options;
        this.log = log;
        this.server = new ServerRecord(log, { atomic: options.atomic ?? true });
        this.sleep = options.sleep ?? (ms => new Promise(resolve => setTimeout(resolve, ms)));
        this.cap = new ConnectionCap(options.size, {
            raiseAfterMs: options.raiseAfterMs ?? 300_000,
            now: options.now ?? Date.now
        });
        if (first) {
            this.all.add(first);
            this.idle.push(first);
        }
    }
    /**
     * Stops the run's tasks: those in flight end at once (their transfers aborted with their
     * connection) and `run` fails at once, except for tasks marked `always` (removing this run's
     * temporaries, the manifest write that records what was done, the lock). Those get one try
     * each, no retries, and given `cleanupMs` they stop once that has passed too: a cancel ends
     * within the runner's grace period, reachable server or not.
     */
    cancel(reason, cleanupMs) {
        if (this.cancelled === undefined) {
            this.cancelled = reason;
            this.stopping.reach();
        }
        if (cleanupMs !== undefined && this.deadlineTimer === undefined && !this.expired) {
            const expire = () => {
                this.expired = true;
                this.outOfTime.reach();
            };
            this.deadlineTimer = setTimeout(expire, cleanupMs);
        }
        this.heldBack?.settle();
        this.heldBack = undefined;
        this.waiting.splice(0).forEach(wake => wake());
    }
    /** `work` within a cancel's time to clean up (as it stands, unbounded before a cancel). */
    bounded(what, work) {
        return this.outOfTime.race(work, () => this.stopped(what, true));
    }
    /** Why a task stopped: the cancel, or (`always` tasks) the end of its time to clean up. */
    stopped(what, always) {
        const why = always
            ? `given up, the time to clean up after the cancel (${this.cancelled}) ran out`
            : `stopped, the deploy was cancelled (${this.cancelled})`;
        return new errors/* CancelledError */.cc(`${what}: ${why}`);
    }
    /**
     * Opens no connection of its own until `opening` (a connection outside the pool: the lock's
     * heartbeat) has settled, so on a host that limits connections that one gets its slot first
     * and the pool goes on with what is left. Idle sessions are used meanwhile. A session it
     * resolves to counts in the connections the limit's warning names.
     */
    holdOpenings(opening) {
        let settle = () => undefined;
        const settled = new Promise(resolve => (settle = resolve));
        const held = { settled, settle };
        this.heldBack = held;
        const done = (opened) => {
            if (opened)
                this.outside += 1;
            settle();
            if (this.heldBack === held)
                this.heldBack = undefined;
        };
        opening.then(session => done(session !== undefined), () => done(false));
    }
    /**
     * Runs fn on a session of its own; transient failures get a new connection and another try
     * (`retries` of them: the pool's by default, 0 for a step whose caller retries it differently).
     * `first`: ahead of every task waiting for a session (the lock's heartbeat, which must not
     * wait behind transfers).
     */
    async run(what, fn, options = {}) {
        for (let attempt = 1;; attempt++) {
            let session;
            const isStopped = () => (this.cancelled !== undefined && !options.always) || this.expired;
            if (isStopped())
                throw this.stopped(what, options.always);
            // A task outlived by its stop is abandoned: the session it gets, or holds, is closed.
            let abandoned = false;
            const task = (async () => {
                const got = await this.acquire(() => abandoned || isStopped(), options.first ?? false);
                if (abandoned || isStopped()) {
                    this.discard(got);
                    throw this.stopped(what, options.always);
                }
                session = got;
                return fn(got);
            })();
            try {
                const stop = options.always ? this.outOfTime : this.stopping;
                const result = await stop.race(task, () => this.stopped(what, options.always));
                this.release(session);
                return result;
            }
            catch (err) {
                abandoned = true;
                task.catch(() => undefined);
                const stoppedHere = isStopped();
                const transient = isTransient(err);
                if (session) {
                    // A transient failure leaves the connection in doubt: always start over on a new one.
                    // A stopped task's transfer is aborted with its connection.
                    if (transient || stoppedHere || !session.usable)
                        this.discard(session);
                    else
                        this.release(session);
                }
                // After a cancel nothing is tried again: what is left is the next run's to clean.
                if (stoppedHere)
                    throw transient ? this.stopped(what, options.always) : err;
                if (!transient || attempt > (options.retries ?? this.options.retries) || this.cancelled !== undefined)
                    throw err;
                const wait = backoffMs(attempt, this.options.random);
                this.log.info(`${what}: ${(0,errors/* describeError */.Uc)(err)}; retry ${attempt} of ${this.options.retries} in ${wait} ms on a new connection`);
                await this.sleep(wait);
            }
        }
    }
    /**
     * Opens sessions ahead of the tasks that will need them, in parallel and in the background, up
     * to `count` in all (never beyond the server's limit): a login costs round trips that the first
     * files need not wait for. A connection that fails here is left to the tasks' own tries.
     */
    warm(count) {
        if (this.heldBack !== undefined) {
            void this.heldBack.settled.then(() => this.warm(count));
            return;
        }
        const wanted = Math.min(count, this.cap.allowed()) - this.all.size - this.opening;
        for (let i = 0; i < wanted; i++) {
            this.openWithinLimit().then(session => {
                if (session !== undefined)
                    this.release(session);
            }, (err) => this.log.debug(`A connection opened ahead failed: ${(0,errors/* describeError */.Uc)(err)}`));
        }
    }
    /** Closes every session. */
    closeAll() {
        this.closed = true;
        clearTimeout(this.deadlineTimer);
        for (const session of this.all)
            session.close();
        this.all.clear();
        this.idle.length = 0;
    }
    async acquire(abandoned, first) {
        for (;;) {
            // Woken by a cancel: a stopped task opens no connection.
            if (abandoned())
                throw new errors/* CancelledError */.cc('stopped');
            const idle = this.idle.pop();
            // A session can die while idle (the server's idle timeout): then open another.
            if (idle?.usable)
                return idle;
            if (idle) {
                this.discard(idle);
                continue;
            }
            if (this.all.size + this.opening < this.cap.allowed()) {
                if (this.heldBack !== undefined) {
                    await this.heldBack.settled;
                    continue;
                }
                const session = await this.openWithinLimit();
                if (session !== undefined)
                    return session;
                continue;
            }
            await new Promise(resolve => (first ? this.waiting.unshift(resolve) : this.waiting.push(resolve)));
        }
    }
    /**
     * Opens a session, or lowers the cap and returns undefined when the server refuses it for
     * its connection limit while others of ours are open or opening. With none, the server is
     * full of other clients: wait for a slot with backoff, a bounded number of times.
     */
    async openWithinLimit() {
        this.opening += 1;
        try {
            for (let attempt = 1;; attempt++) {
                try {
                    const session = await this.open(this.server);
                    this.all.add(session);
                    return session;
                }
                catch (err) {
                    const limit = limitOfError(err);
                    if (limit === undefined)
                        throw err;
                    const others = this.all.size + this.opening - 1;
                    if (others > 0) {
                        if (this.cap.lowered)
                            this.log.info(`${limit.reply}: going on with ${others + this.outside} connection(s)`);
                        this.cap.lower(limit, others);
                        this.server.connectionLimit ??= limit;
                        return undefined;
                    }
                    const tries = this.options.limitRetries ?? 5;
                    if (attempt > tries || this.cancelled !== undefined) {
                        throw new errors/* DeployError */.sH(`${(0,errors/* describeError */.Uc)(err)} (the server's connection limit: no connection was let in after ${attempt} tries; ` +
                            'other clients hold every connection it allows)', { code: limit.code, reply: limit.reply, transient: false });
                    }
                    const wait = backoffMs(attempt, this.options.random, 1000, 15_000);
                    this.log.info(`${limit.reply}: no connection of ours is open; trying again in ${wait} ms (${attempt} of ${tries})`);
                    await this.sleep(wait);
                }
            }
        }
        finally {
            this.opening -= 1;
            const warning = this.cap.takeWarning(this.opening, this.outside);
            if (warning !== undefined)
                this.log.warning(warning);
        }
    }
    release(session) {
        // More sessions than the server's limit leaves us (opened before it was known): close one.
        if (this.closed || !session.usable || this.all.size > this.cap.allowed())
            return this.discard(session);
        this.idle.push(session);
        this.waiting.shift()?.();
    }
    discard(session) {
        session.close();
        this.all.delete(session);
        this.waiting.shift()?.();
    }
}

// EXTERNAL MODULE: ./src/signals.ts
var signals = __nccwpck_require__(970);
;// CONCATENATED MODULE: ./src/deploy.ts
/**
 * The deploy, one way through: local files -> lock -> remote state -> plan -> apply -> listing.
 * Side effects sit behind `DeployDeps` so the orchestration is testable without a network.
 */

























const defaultDeps = { openSession: openSession, listLocalFiles: local_files/* listLocalFiles */.P, now: () => Date.now() };
const sleep = (ms) => new Promise(resolve => setTimeout(resolve, ms));
/**
 * Runs a whole deploy. Throws InputError (exit 2) or DeployError (exit 1). An aborted `signal`
 * (the runner's cancel) stops new transfers; the manifest still records what was done.
 */
async function deploy(settings, output, deps = defaultDeps, signal) {
    const started = deps.now();
    // Server replies go into log lines and may echo the password.
    const log = (0,core_log/* redactingLog */.KR)(output, [settings.password]);
    // A rollback uploads nothing: local-dir is not read.
    const local = settings.rollback ? [] : await log.group('Local files', () => (0,local_plan/* findFiles */.l)(settings, log, deps));
    const pool = openPool(settings, log, deps);
    // In-flight transfers stop at once; cleaning up gets CLEANUP_MS, within the runner's grace.
    const cancel = () => pool.cancel(String(signal?.reason ?? 'aborted'), signals/* CLEANUP_MS */.qe);
    signal?.addEventListener('abort', cancel);
    if (signal?.aborted)
        cancel();
    let held;
    try {
        const first = await log.group('Connect', () => connect(settings, log, pool));
        const remoteRoot = (0,remote_path/* resolveRemoteRoot */.b7)(first.home, settings.remoteDir);
        // cutover: swap: the files go to the spare copy beside remote-dir, the lock beside it too.
        const swap = settings.cutover === 'swap' ? swapPaths(remoteRoot, first.home) : undefined;
        const names = new TempNamer(undefined, deps.now);
        if (settings.lock && settings.dryRun)
            await log.group('Lock', () => reportHeldLock(pool, remoteRoot, log));
        if (settings.lock && !settings.dryRun)
            held = await log.group('Lock', () => takeLock(settings, log, deps, pool, swap ?? remoteRoot, first.home, signal));
        if (swap !== undefined && settings.rollback) {
            const cutover = await log.group('Rollback', () => rollBack(pool, swap, log, settings.dryRun));
            held = await releaseIfHeld(pool, held, log);
            const listing = await log.group('Remote listing', () => listWhenDone(pool, remoteRoot, settings, log));
            return rolledBack({ settings, first, remoteRoot, listing, cutover, durationMs: deps.now() - started });
        }
        // Before any upload: the server renames directories, and the spare copy is ready.
        const liveExists = swap !== undefined && !settings.dryRun
            ? await log.group('Swap', () => prepareSwap(pool, swap, names.runTag, log))
            : false;
        const target = swap?.next ?? remoteRoot;
        // The checks may list with STAT; the listing output, which reports times, with MLSD or LIST.
        const list = statOrListLister(pool);
        const { concurrency } = settings;
        const localPaths = local.map(f => f.relPath);
        // With the lock (a dry run: the lock a real run would hold) every temporary is a dead run's.
        const holdsLock = settings.lock;
        const query = {
            pool,
            list,
            remoteRoot: target,
            manifestName: settings.manifest,
            localPaths,
            names,
            concurrency,
            holdsLock
        };
        const state = await log.group('Remote state', () => readRemoteState(query, log));
        // Only files the manifest records at their size can be unchanged: the rest go without a hash.
        const files = await hashFiles(local, file => mayBeUnchanged(file, state.manifest, settings.sync));
        // Only when names differ in case alone: then whether they are one file decides the plan.
        const paths = files.map(f => f.relPath);
        pool.server.foldsCase = await probeCaseFolding(pool, target, paths, state.index, log);
        // Files already on the server at their size, unknown to the manifest: compared before the plan.
        const adoptions = { pool, mode: settings.adopt, remoteRoot: target, concurrency, log };
        const adopted = await adoptFromServer(files, state, settings.sync, adoptions);
        const plan = planDeploy(files, { ...state, adopted, foldsCase: pool.server.foldsCase }, { ...settings, remoteRoot: target, home: first.home });
        const planned = (0,plan_text/* planSteps */.Dv)(plan);
        (0,plan_text/* describePlan */.df)(plan, planned, log, settings.dryRun);
        // A wrong local-dir with delete: true would empty the site: refused before any change (a dry run too).
        const overLimit = overDeleteLimit(plan.deletes.length, state.manifest.files.size, settings.maxDelete);
        if (overLimit !== undefined)
            throw overLimit;
        // The other connections log in while the first creates directories.
        if (!settings.dryRun && plan.uploads.length > 1)
            pool.warm(Math.min(concurrency, plan.uploads.length));
        const done = settings.dryRun
            ? asPlanned(plan)
            : await log.group(`Upload: ${plan.uploads.length} file(s) to ${target}`, () => carryOut(plan, { pool, state, list, names, remoteRoot: target, settings, log }));
        if (swap !== undefined && !settings.dryRun)
            done.cutover = await log.group('Swap', () => switchReleases(pool, swap, liveExists, log));
        const applied = [...(held ? lockSteps(held, settings.dirMode) : []), ...done.steps];
        // Every change is made: what fails from here on is a warning, and the run is done (exit 0).
        if (held !== undefined && (await releaseWhenDone(pool, held, log)))
            applied.push({ kind: 'release lock', path: remote_path/* LOCK_DIR */.UE });
        held = undefined;
        const listing = await log.group('Remote listing', () => listWhenDone(pool, remoteRoot, settings, log));
        // A certificate that is not the pinned one fails the run, even met by the listing after it.
        if (pool.server.stopped !== undefined)
            throw pool.server.stopped;
        const durationMs = deps.now() - started;
        return resultOf({ dryRun: settings.dryRun, plan, done, planned, applied, listing, first, remoteRoot, durationMs });
    }
    catch (err) {
        // A fault that ends the run is what it failed of, whatever step met its consequences.
        throw pool.server.stopped ?? err;
    }
    finally {
        // On failure and on cancel too: a run that ends never leaves its lock behind.
        await releaseWithin(pool, held)?.catch(err => log.warning(`Could not release the deploy lock: ${(0,errors/* describeError */.Uc)(err)} (it goes stale and is broken by the next run)`));
        signal?.removeEventListener('abort', cancel);
        pool.closeAll();
    }
}
/** After a rollback: the lock released (a failure is a warning); undefined, nothing held any more. */
async function releaseIfHeld(pool, held, log) {
    if (held !== undefined)
        await releaseWhenDone(pool, held, log);
    return undefined;
}
/** Releases a lock still held (failure, cancel), within the time a cancel leaves to clean up. */
function releaseWithin(pool, held) {
    return held && pool.bounded('Releasing the deploy lock', held.lock.release());
}
/** The run's pool: every session logs in with the same settings and shares one server record. */
function openPool(settings, log, deps) {
    let opened = 0;
    return new SessionPool(server => deps.openSession(settings, opened++ === 0 ? log : prefixed(log, `#${opened} `), server), { size: settings.concurrency, retries: settings.retries, atomic: settings.atomic }, log);
}
/** Takes the deploy lock in remote-dir (`cutover: swap`: beside it) (creating remote-dir where needed), with its heartbeat's own session. */
function takeLock(settings, log, deps, pool, at, home, signal) {
    return takeRunLock({
        pool,
        openSession: () => deps.openSession(settings, prefixed(log, '#lock '), pool.server),
        ...(typeof at === 'string' ? { remoteRoot: at } : { remoteRoot: at.parent, lockName: at.lockName }),
        home,
        dirMode: settings.dirMode,
        timeoutMs: settings.lockTimeoutMs,
        identity: deps.identity ?? localIdentity(),
        timing: deps.lockTiming ?? LOCK_TIMING,
        now: deps.now,
        sleep: deps.sleep ?? sleep,
        log,
        signal
    });
}
/** Tells the connections' protocol logs apart. */
function prefixed(log, prefix) {
    return { ...log, debug: message => log.debug(prefix + message) };
}
/**
 * Releases the lock of a run whose changes are all made (within a cancel's time to clean up, as
 * on failure): a failure is a warning. True when released.
 */
async function releaseWhenDone(pool, held, log) {
    try {
        await releaseWithin(pool, held);
        return true;
    }
    catch (err) {
        log.warning(`The deploy is done, but its lock could not be released: ${(0,errors/* describeError */.Uc)(err)} (it goes stale and is broken by the next run)`);
        return false;
    }
}
/** The listing output of a run whose changes are all made: a failure is a warning and an empty listing. */
async function listWhenDone(pool, remoteRoot, settings, log) {
    try {
        return await listRemote(path => pool.run(`Listing ${path}`, session => session.listEntries(path)), remoteRoot, settings, log);
    }
    catch (err) {
        log.warning(`The deploy is done, but remote-dir could not be listed: ${(0,errors/* describeError */.Uc)(err)} (the listing output is empty)`);
        return [];
    }
}


/***/ }),

/***/ 2212:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  EC: () => (/* binding */ CHUNK_BYTES),
  P: () => (/* binding */ listLocalFiles),
  j1: () => (/* binding */ localSource),
  o5: () => (/* binding */ readSmall)
});

// UNUSED EXPORTS: globMatches, walkEverything

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
;// CONCATENATED MODULE: external "node:fs/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __nccwpck_require__(4296);
;// CONCATENATED MODULE: ./src/local/local-paths.ts
/**
 * Local paths to remote paths, for every runner OS. Local paths are the platform's (on Windows
 * `\` and drive letters); remote paths always use `/`. Pure: the path module is a parameter, so
 * the Windows rules are tested with path.win32 on any machine.
 */


/** Prefixes a pattern relative to local-dir with the directory, keeping a leading '!'. */
function anchorPattern(localDir, pattern, path = (external_node_path_default())) {
    const negate = pattern.startsWith('!');
    const body = negate ? pattern.slice(1) : pattern;
    return `${negate ? '!' : ''}${path.resolve(localDir, body)}`;
}
/** Whether `target` lies strictly below `root` (on Windows: same drive, any letter case). */
function isInside(root, target, path = (external_node_path_default())) {
    const rel = path.relative(root, target);
    return rel !== '' && rel.split(path.sep)[0] !== '..' && !path.isAbsolute(rel);
}
/**
 * The remote path of a local file, relative to remote-dir with `/` separators; undefined when
 * the file is local-dir itself or lies outside it (on Windows, another drive). On Windows `\`
 * and `/` both separate; elsewhere a `\` is part of a name, and checkRemoteName refuses it.
 */
function relPathOf(localDir, file, path = (external_node_path_default())) {
    const rel = path.relative(localDir, file);
    if (rel === '' || path.isAbsolute(rel) || rel.split(path.sep)[0] === '..')
        return undefined;
    return rel.split(path.sep).join('/');
}
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const shown = (name) => JSON.stringify(name).slice(1, -1);
/** Refuses names the FTP control connection cannot carry (RFC 959 ends commands with CRLF). */
function checkRemoteName(relPath, encoding) {
    if (/[\r\n\0]/.test(relPath)) {
        throw new errors/* InputError */.dz(`Invalid file name '${shown(relPath)}' under local-dir: names with CR, LF or NUL cannot be sent over FTP`);
    }
    if (relPath.includes('\\')) {
        // Legal in a Linux or macOS name, but a Windows server reads it as a separator (`..\x`).
        throw new errors/* InputError */.dz(`Invalid file name '${relPath}' under local-dir: names with \\ cannot be sent over FTP (Windows servers read it as a separator)`);
    }
    if (relPath.split('/').includes('..')) {
        throw new errors/* InputError */.dz(`Invalid file name '${relPath}': it would leave remote-dir`);
    }
    if (LONE_SURROGATE.test(relPath)) {
        // NTFS names are any UTF-16 code units; a lone surrogate has no UTF-8 (or latin1) form.
        throw new errors/* InputError */.dz(`Invalid file name '${shown(relPath)}' under local-dir: it holds a lone UTF-16 surrogate, which no FTP name encoding can carry`);
    }
    if (encoding === 'latin1' && [...relPath].some(ch => ch.codePointAt(0) > 0xff)) {
        throw new errors/* InputError */.dz(`Invalid file name '${relPath}' for encoding latin1: it has characters latin1 cannot encode`);
    }
}

;// CONCATENATED MODULE: ./src/local/local-files.ts
/**
 * The local side: glob patterns relative to local-dir -> regular files inside it, with their
 * remote-relative paths. The only module that globs and stats.
 */




/** Lists the regular files the patterns match, sorted by path. Symlinks per followSymlinks. */
async function listLocalFiles(options, log) {
    const root = await (0,promises_namespaceObject.realpath)(options.localDir);
    const everything = options.patterns.length === 1 && options.patterns[0] === '**';
    const matches = everything
        ? walkEverything(options.localDir, options.followSymlinks, options.path)
        : await globMatches(options.localDir, options.patterns, options.followSymlinks, options.path);
    const files = [];
    for (const match of matches) {
        const file = toLocalFile(match, options, root, log);
        if (file)
            files.push(file);
    }
    files.sort((a, b) => (a.relPath < b.relPath ? -1 : a.relPath > b.relPath ? 1 : 0));
    for (const file of files)
        checkRemoteName(file.relPath, options.encoding);
    return files;
}
/** What @actions/glob matches: every path it yields (files, and links it does not follow). */
async function globMatches(localDir, patterns, followSymlinks, path = (external_node_path_default())) {
    // Loaded only for patterns other than **: it brings @actions/core and its HTTP client along,
    // a noticeable part of the CLI's start.
    const glob = await __nccwpck_require__.e(/* import() */ 660).then(__nccwpck_require__.bind(__nccwpck_require__, 3660));
    const globber = await glob.create(patterns.map(p => anchorPattern(localDir, p, path)).join('\n'), {
        followSymbolicLinks: followSymlinks,
        matchDirectories: false,
        implicitDescendants: true
    });
    return globber.glob();
}
/**
 * What @actions/glob yields for the default pattern `**`, walked synchronously: its walk
 * awaits an lstat per entry, 0.12 s per 1000 files here, a quarter of a no-change redeploy.
 * Same rules: lstat without followSymlinks (links are yielded, not entered); with it, stat
 * (broken links left out, linked directories entered unless that closes a cycle).
 */
function walkEverything(localDir, followSymlinks, path = (external_node_path_default())) {
    const start = path.resolve(localDir);
    const found = [];
    const visit = (at, chain) => {
        let info;
        try {
            info = followSymlinks ? (0,external_node_fs_.statSync)(at) : (0,external_node_fs_.lstatSync)(at);
        }
        catch (err) {
            if (followSymlinks && err.code === 'ENOENT')
                return;
            throw err;
        }
        if (!info.isDirectory()) {
            found.push(at);
            return;
        }
        let below = chain;
        if (followSymlinks) {
            const real = external_node_fs_.realpathSync.native(at);
            if (chain.includes(real))
                return;
            below = [...chain, real];
        }
        for (const name of (0,external_node_fs_.readdirSync)(at))
            visit(path.join(at, name), below);
    };
    visit(start, []);
    return found;
}
/** Synchronous stats: awaited one by one they cost a thread-pool round trip each. */
function toLocalFile(match, options, root, log) {
    const path = options.path ?? (external_node_path_default());
    const relPath = relPathOf(options.localDir, match, path);
    if (relPath === undefined)
        return undefined;
    const info = (0,external_node_fs_.lstatSync)(match);
    if (info.isSymbolicLink() && !options.followSymlinks) {
        log.warning(`Skipped symbolic link ${relPath} (set follow-symlinks: true to upload its target)`);
        return undefined;
    }
    // The real location must lie inside local-dir (a followed link, or a pattern through one).
    const real = external_node_fs_.realpathSync.native(match);
    if (!isInside(root, real, path)) {
        log.warning(`Skipped ${relPath}: it links to ${real}, outside local-dir`);
        return undefined;
    }
    const target = info.isSymbolicLink() ? (0,external_node_fs_.statSync)(match) : info;
    if (!target.isFile()) {
        if (!target.isDirectory())
            log.warning(`Skipped ${relPath}: not a regular file`);
        return undefined;
    }
    return { localPath: match, relPath, size: target.size };
}
/** Files up to this size are read in one call; larger ones are streamed in chunks of this size. */
const CHUNK_BYTES = 1024 * 1024;
/**
 * The whole file if it is at most CHUNK_BYTES, else undefined (stream it). One synchronous
 * read: for a small file the stream machinery cost more CPU than the read itself.
 */
function readSmall(path) {
    const fd = (0,external_node_fs_.openSync)(path, 'r');
    try {
        const { size } = (0,external_node_fs_.fstatSync)(fd);
        if (size > CHUNK_BYTES)
            return undefined;
        // One byte more than announced: a file growing right now shows as changed, not cut short.
        const buffer = Buffer.allocUnsafe(size + 1);
        let length = 0;
        for (let n = -1; n !== 0 && length < buffer.length; length += n) {
            n = (0,external_node_fs_.readSync)(fd, buffer, length, buffer.length - length, null);
        }
        return buffer.subarray(0, length);
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
    }
}
/** A local file as an upload reads it (see RemoteSession.upload). */
function localSource(path) {
    return {
        path,
        readSmall: () => readSmall(path),
        stream: () => (0,external_node_fs_.createReadStream)(path, { highWaterMark: CHUNK_BYTES })
    };
}


/***/ }),

/***/ 4326:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ planLocal),
/* harmony export */   l: () => (/* binding */ findFiles)
/* harmony export */ });
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(4296);
/* harmony import */ var _local_files_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(2212);
/* harmony import */ var _core_manifest_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(4414);
/* harmony import */ var _core_remote_path_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(2581);




async function findFiles(settings, log, deps) {
    const found = await deps.listLocalFiles({
        localDir: settings.localDir,
        patterns: settings.files,
        followSymlinks: settings.followSymlinks,
        encoding: settings.encoding
    }, log);
    // The manifest's own name (and its backup's) and the lock's at the top of remote-dir are ours.
    const ours = new Set([settings.manifest, (0,_core_manifest_js__WEBPACK_IMPORTED_MODULE_2__/* .manifestBackupName */ .r7)(settings.manifest)]);
    const isOurs = (f) => ours.has(f.relPath) || f.relPath.split('/')[0] === _core_remote_path_js__WEBPACK_IMPORTED_MODULE_3__/* .LOCK_DIR */ .UE;
    const files = found.filter(file => !isOurs(file));
    for (const file of found.filter(isOurs))
        log.warning(`Skipped ${file.relPath}: that name is this tool's own on the server (the manifest or the deploy lock)`);
    const bytes = files.reduce((sum, f) => sum + f.size, 0);
    log.info(`${files.length} file(s), ${bytes} bytes, in ${settings.localDir}`);
    if (files.length === 0) {
        const message = `No files found in local-dir '${settings.localDir}' matching files '${settings.files.join('\\n')}'`;
        if (settings.ifNoFilesFound === 'error') {
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`${message} (if-no-files-found: error; accepted: error, warn, ignore)`);
        }
        if (settings.ifNoFilesFound === 'warn')
            log.warning(message);
    }
    return files;
}
/** The CLI's dry run without a host: the local plan only, no connection. */
async function planLocal(settings, log, deps = { listLocalFiles: _local_files_js__WEBPACK_IMPORTED_MODULE_1__/* .listLocalFiles */ .P, now: () => Date.now() }) {
    const started = deps.now();
    const files = await log.group('Local files', () => findFiles(settings, log, deps));
    await log.group(`Plan (dry run, not connected): ${files.length} file(s) to ${settings.remoteDir}`, async () => {
        for (const file of files)
            log.info(`would upload ${file.relPath} (${file.size} bytes)`);
    });
    return {
        dryRun: true,
        uploaded: files.map(f => f.relPath),
        bytesUploaded: files.reduce((sum, f) => sum + f.size, 0),
        skipped: [],
        filesSkipped: 0,
        adopted: [],
        deleted: [],
        listing: [],
        tlsVersion: '',
        fingerprint: '',
        remoteRoot: settings.remoteDir,
        durationMs: deps.now() - started,
        planned: files.map(f => ({ kind: 'upload', path: f.relPath, detail: `${f.size} bytes` })),
        applied: []
    };
}


/***/ }),

/***/ 2859:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   hr: () => (/* binding */ progressBar),
/* harmony export */   ji: () => (/* binding */ progressFigures),
/* harmony export */   w$: () => (/* binding */ lastLines)
/* harmony export */ });
/* unused harmony export formatDuration */
/* harmony import */ var _core_plan_text_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(4166);
/* harmony import */ var _report_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(8850);


/** '850 ms', '12.3 s', '2 min 05 s', '1 h 02 min'. */
function formatDuration(ms) {
    if (ms < 1000)
        return `${Math.max(0, Math.round(ms))} ms`;
    if (ms < 60_000)
        return `${(ms / 1000).toFixed(1)} s`;
    const s = Math.round(ms / 1000);
    if (s < 3600)
        return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
    return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')} min`;
}
/** '177/400 files, 17.2 MiB of 24.5 MiB, 2.1 MiB/s, 4.0 s left' (no time left until a byte went). */
function progressFigures(p, elapsedMs) {
    const figures = [
        `${p.files}/${p.totalFiles} files`,
        `${(0,_report_js__WEBPACK_IMPORTED_MODULE_1__/* .formatBytes */ .z3)(p.bytes)} of ${(0,_report_js__WEBPACK_IMPORTED_MODULE_1__/* .formatBytes */ .z3)(p.totalBytes)}`,
        (0,_report_js__WEBPACK_IMPORTED_MODULE_1__/* .formatRate */ .CE)(p.bytes, elapsedMs)
    ];
    if (p.files < p.totalFiles && p.bytes > 0 && elapsedMs > 0) {
        figures.push(`${formatDuration(((p.totalBytes - p.bytes) * elapsedMs) / p.bytes)} left`);
    }
    return figures.join(', ');
}
/** A bar of `width` cells, then the figures: '[#####.....] 177/400 files, ...'. */
function progressBar(p, elapsedMs, width = 20) {
    const part = p.totalBytes === 0 ? (p.totalFiles === 0 ? 1 : p.files / p.totalFiles) : p.bytes / p.totalBytes;
    const filled = Math.min(width, Math.floor(part * width));
    return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${progressFigures(p, elapsedMs)}`;
}
const plural = (n, one, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
/** Names shown in the not-done line before 'and N more'. */
const MAX_NAMED = 10;
/** The run's last lines: what it did, in how long, at what rate; the cutover; what it left undone. */
function lastLines(r) {
    const size = (0,_report_js__WEBPACK_IMPORTED_MODULE_1__/* .formatBytes */ .z3)(r.bytesUploaded);
    const adopted = r.adopted.length > 0 ? ` (${r.adopted.length} of them adopted)` : '';
    if (r.dryRun) {
        return [
            `Dry run: would upload ${plural(r.uploaded.length, 'file')} (${size}), skip ${r.filesSkipped} unchanged${adopted}, ` +
                `delete ${r.deleted.length}; nothing was changed (${formatDuration(r.durationMs)})`
        ];
    }
    const lines = [
        `Uploaded ${plural(r.uploaded.length, 'file')} (${size}), skipped ${r.filesSkipped} unchanged${adopted}, ` +
            `deleted ${r.deleted.length}, in ${formatDuration(r.durationMs)} at ${(0,_report_js__WEBPACK_IMPORTED_MODULE_1__/* .formatRate */ .CE)(r.bytesUploaded, r.durationMs)}`
    ];
    if (r.cutover !== undefined) {
        const { mode, windowMs, renamed } = r.cutover;
        const window = windowMs === null ? 'no switch-over window' : `switched over within ${formatDuration(windowMs)}`;
        lines.push(`Cutover ${mode}: ${window}, ${plural(renamed, 'rename')}`);
    }
    const missing = (0,_core_plan_text_js__WEBPACK_IMPORTED_MODULE_0__/* .notDone */ .Gj)(r.planned, r.applied);
    if (missing.length > 0)
        lines.push(`Planned but not done: ${(0,_core_plan_text_js__WEBPACK_IMPORTED_MODULE_0__/* .stepNames */ .Ve)(missing, MAX_NAMED)}`);
    return lines;
}


/***/ }),

/***/ 6757:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   EI: () => (/* binding */ reportOf),
/* harmony export */   u5: () => (/* binding */ writeReport)
/* harmony export */ });
/* unused harmony export defaultReportPath */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _config_version_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(8794);
/** The report file: the whole result of a run as JSON, for what does not fit in step outputs. */




function reportOf(result, host, startedAt, finishedAt) {
    return {
        format: 1,
        tool: `ftps-deploy ${_config_version_js__WEBPACK_IMPORTED_MODULE_3__/* .VERSION */ .x}`,
        dryRun: result.dryRun,
        host,
        remoteRoot: result.remoteRoot,
        tlsVersion: result.tlsVersion,
        fingerprint: result.fingerprint,
        counts: {
            uploaded: result.uploaded.length,
            skipped: result.skipped.length,
            adopted: result.adopted.length,
            deleted: result.deleted.length,
            bytesUploaded: result.bytesUploaded,
            listing: result.listing.length
        },
        uploaded: result.uploaded,
        skipped: result.skipped,
        adopted: result.adopted,
        deleted: result.deleted,
        listing: result.listing,
        planned: result.planned,
        applied: result.applied,
        cutover: result.cutover ?? null,
        timings: {
            startedAt: startedAt.toISOString(),
            finishedAt: finishedAt.toISOString(),
            durationMs: result.durationMs
        }
    };
}
/** The action's report when no report-file is given: a new name under the runner's temp dir. */
function defaultReportPath(tempDir) {
    return join(tempDir, `ftps-deploy-report-${randomUUID()}.json`);
}
/** Writes the report, making its directory as needed. */
function writeReport(path, report) {
    (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.mkdirSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(path), { recursive: true });
    (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.writeFileSync)(path, JSON.stringify(report) + '\n');
}


/***/ }),

/***/ 8850:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   CE: () => (/* binding */ formatRate),
/* harmony export */   Yz: () => (/* binding */ outputsOf),
/* harmony export */   z3: () => (/* binding */ formatBytes)
/* harmony export */ });
/* unused harmony exports summaryMarkdown, failureMarkdown */
/* harmony import */ var _config_inputs_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(4389);

/** The step outputs; `reportFile` is the report's path ('' when none was written). */
function outputsOf(result, reportFile = '') {
    return {
        [_config_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .Outputs */ .tY.Listing]: JSON.stringify(result.listing),
        [_config_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .Outputs */ .tY.Uploaded]: JSON.stringify(result.uploaded),
        [_config_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .Outputs */ .tY.FilesUploaded]: String(result.uploaded.length),
        [_config_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .Outputs */ .tY.FilesSkipped]: String(result.filesSkipped),
        [_config_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .Outputs */ .tY.FilesDeleted]: String(result.deleted.length),
        [_config_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .Outputs */ .tY.BytesUploaded]: String(result.bytesUploaded),
        [_config_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .Outputs */ .tY.TlsFingerprint]: result.fingerprint,
        [_config_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .Outputs */ .tY.ReportFile]: reportFile
    };
}
/** Human-readable byte count: 1536 -> '1.5 KiB'. */
function formatBytes(bytes) {
    const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB'];
    let value = bytes;
    let unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
        value /= 1024;
        unit += 1;
    }
    return unit === 0 ? `${bytes} bytes` : `${value.toFixed(1)} ${units[unit]}`;
}
const escapeCell = (text) => text.replace(/\|/g, '\\|').replace(/[\r\n]/g, ' ');
/** Caps the file table so a big deploy's summary stays readable. */
const MAX_ROWS = 50;
function fileTable(title, paths) {
    if (paths.length === 0)
        return [];
    const rows = paths.slice(0, MAX_ROWS).map(path => `| \`${escapeCell(path)}\` |`);
    if (paths.length > MAX_ROWS)
        rows.push(`| … and ${paths.length - MAX_ROWS} more |`);
    return [`### ${title}`, '', '| path |', '| --- |', ...rows, ''];
}
/** '1.5 MiB/s', from bytes over milliseconds. */
function formatRate(bytes, ms) {
    return ms <= 0 ? '-' : `${formatBytes(Math.round((bytes * 1000) / ms))}/s`;
}
function summaryMarkdown(result, host) {
    const verb = result.dryRun ? 'would upload' : 'uploaded';
    return [
        `## ${result.dryRun ? 'FTPS deploy plan (dry run)' : 'FTPS deploy'}: ${host}:${result.remoteRoot}`,
        '',
        `| | |`,
        `| --- | --- |`,
        `| Files ${verb} | ${result.uploaded.length} |`,
        `| Files skipped (unchanged) | ${result.filesSkipped} |`,
        ...(result.adopted.length > 0
            ? [
                `| Files ${result.dryRun ? 'to adopt' : 'adopted'} (already on the server; among the skipped) | ${result.adopted.length} |`
            ]
            : []),
        `| Files ${result.dryRun ? 'to delete' : 'deleted'} | ${result.deleted.length} |`,
        `| Bytes ${verb} | ${formatBytes(result.bytesUploaded)} (${result.bytesUploaded}) |`,
        `| Time | ${(result.durationMs / 1000).toFixed(1)} s |`,
        ...(result.dryRun
            ? [`| Steps planned | ${result.planned.length} |`]
            : [
                `| Throughput | ${formatRate(result.bytesUploaded, result.durationMs)} |`,
                `| Steps done | ${result.applied.length} of ${result.planned.length} planned |`
            ]),
        ...(result.cutover === undefined
            ? []
            : [`| Went live (cutover: ${result.cutover.mode}) | ${windowCell(result.cutover)} |`]),
        `| TLS | ${result.tlsVersion === '' ? 'none (plain FTP)' : result.tlsVersion} |`,
        `| Certificate SHA-256 | ${result.fingerprint === '' ? '-' : `\`${result.fingerprint}\``} |`,
        '',
        ...fileTable(`Files ${verb}`, result.uploaded),
        ...fileTable(`Files ${result.dryRun ? 'that would be adopted' : 'adopted'} (already on the server)`, result.adopted),
        ...fileTable(`Files ${result.dryRun ? 'that would be deleted' : 'deleted'}`, result.deleted)
    ].join('\n');
}
/** '12 file(s) renamed into place within 35 ms': the window visitors could see a mix of versions. */
function windowCell(cutover) {
    if (cutover.windowMs === null)
        return 'nothing went live';
    return `${cutover.renamed} file(s) renamed into place within ${cutover.windowMs} ms`;
}
function failureMarkdown(message) {
    return `## FTPS deploy failed\n\n> ${escapeCell(message)}\n`;
}


/***/ }),

/***/ 970:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Fo: () => (/* binding */ exitIfCancelled),
/* harmony export */   dJ: () => (/* binding */ cancelOnSignals),
/* harmony export */   qe: () => (/* binding */ CLEANUP_MS)
/* harmony export */ });
/* unused harmony export GRACE_MS */
/**
 * The runner cancels a job with SIGINT, then SIGTERM 7.5 s later and SIGKILL 2.5 s after that;
 * a user presses Ctrl-C. A cancelled run aborts its transfers at once, spends at most
 * CLEANUP_MS removing its temporaries, recording what it did and releasing its lock (what it
 * cannot clean in that time, the next run cleans), and exits well within the grace period.
 */
/** The runner's grace period between SIGINT and SIGTERM. */
const GRACE_MS = 7_500;
/** The time a cancelled run spends cleaning up; the rest of the grace period is margin. */
const CLEANUP_MS = 5_000;
/** If the run is still there this long after the signal, it exits anyway (a backstop). */
const EXIT_AFTER_MS = 7_000;
/**
 * An AbortSignal aborted (reason 'SIGINT' or 'SIGTERM') on the first of either signal. Should
 * the run still be there EXIT_AFTER_MS later (something the cleanup could not bound), `overdue`
 * is told why and the process exits with status 1.
 */
function cancelOnSignals(overdue = message => process.stderr.write(`${message}\n`)) {
    const controller = new AbortController();
    for (const name of ['SIGINT', 'SIGTERM']) {
        // Once: a second signal takes Node's default action and ends the process at once.
        process.once(name, () => {
            if (controller.signal.aborted)
                return;
            controller.abort(name);
            // Unref'd: a run that ends earlier exits without waiting for it.
            setTimeout(() => {
                overdue(`error: the deploy was cancelled (${name}) and could not finish cleaning up within ${EXIT_AFTER_MS / 1000} s; exiting (the next run removes what is left)`);
                process.exit(1);
            }, EXIT_AFTER_MS).unref();
        });
    }
    return controller.signal;
}
/**
 * After a cancelled run has reported: exit now, with `code`, instead of waiting for connections
 * that cannot be closed cleanly (a server that no longer answers) to time out.
 */
function exitIfCancelled(signal, code) {
    if (signal.aborted)
        process.exit(code);
}


/***/ }),

/***/ 2613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 5317:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("child_process");

/***/ }),

/***/ 6982:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 8611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 5692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 9278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 4589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 6698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 7540:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:console");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 610:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");

/***/ }),

/***/ 8474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 2467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 7030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 1792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 1692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 3429:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");

/***/ }),

/***/ 5919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 6928:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ }),

/***/ 2203:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("stream");

/***/ }),

/***/ 3193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

/***/ }),

/***/ 3557:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("timers");

/***/ }),

/***/ 4756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ }),

/***/ 7349:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var resolveBlockMap = __nccwpck_require__(7103);
var resolveBlockSeq = __nccwpck_require__(334);
var resolveFlowCollection = __nccwpck_require__(3142);

function resolveCollection(CN, ctx, token, onError, tagName, tag) {
    const coll = token.type === 'block-map'
        ? resolveBlockMap.resolveBlockMap(CN, ctx, token, onError, tag)
        : token.type === 'block-seq'
            ? resolveBlockSeq.resolveBlockSeq(CN, ctx, token, onError, tag)
            : resolveFlowCollection.resolveFlowCollection(CN, ctx, token, onError, tag);
    const Coll = coll.constructor;
    // If we got a tagName matching the class, or the tag name is '!',
    // then use the tagName from the node class used to create it.
    if (tagName === '!' || tagName === Coll.tagName) {
        coll.tag = Coll.tagName;
        return coll;
    }
    if (tagName)
        coll.tag = tagName;
    return coll;
}
function composeCollection(CN, ctx, token, props, onError) {
    const tagToken = props.tag;
    const tagName = !tagToken
        ? null
        : ctx.directives.tagName(tagToken.source, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg));
    if (token.type === 'block-seq') {
        const { anchor, newlineAfterProp: nl } = props;
        const lastProp = anchor && tagToken
            ? anchor.offset > tagToken.offset
                ? anchor
                : tagToken
            : (anchor ?? tagToken);
        if (lastProp && (!nl || nl.offset < lastProp.offset)) {
            const message = 'Missing newline after block sequence props';
            onError(lastProp, 'MISSING_CHAR', message);
        }
    }
    const expType = token.type === 'block-map'
        ? 'map'
        : token.type === 'block-seq'
            ? 'seq'
            : token.start.source === '{'
                ? 'map'
                : 'seq';
    // shortcut: check if it's a generic YAMLMap or YAMLSeq
    // before jumping into the custom tag logic.
    if (!tagToken ||
        !tagName ||
        tagName === '!' ||
        (tagName === YAMLMap.YAMLMap.tagName && expType === 'map') ||
        (tagName === YAMLSeq.YAMLSeq.tagName && expType === 'seq')) {
        return resolveCollection(CN, ctx, token, onError, tagName);
    }
    let tag = ctx.schema.tags.find(t => t.tag === tagName && t.collection === expType);
    if (!tag) {
        const kt = ctx.schema.knownTags[tagName];
        if (kt?.collection === expType) {
            ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
            tag = kt;
        }
        else {
            if (kt) {
                onError(tagToken, 'BAD_COLLECTION_TYPE', `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? 'scalar'}`, true);
            }
            else {
                onError(tagToken, 'TAG_RESOLVE_FAILED', `Unresolved tag: ${tagName}`, true);
            }
            return resolveCollection(CN, ctx, token, onError, tagName);
        }
    }
    const coll = resolveCollection(CN, ctx, token, onError, tagName, tag);
    const res = tag.resolve?.(coll, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg), ctx.options) ?? coll;
    const node = identity.isNode(res)
        ? res
        : new Scalar.Scalar(res);
    node.range = coll.range;
    node.tag = tagName;
    if (tag?.format)
        node.format = tag.format;
    return node;
}

exports.composeCollection = composeCollection;


/***/ }),

/***/ 3683:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Document = __nccwpck_require__(3021);
var composeNode = __nccwpck_require__(5937);
var resolveEnd = __nccwpck_require__(7788);
var resolveProps = __nccwpck_require__(4631);

function composeDoc(options, directives, { offset, start, value, end }, onError) {
    const opts = Object.assign({ _directives: directives }, options);
    const doc = new Document.Document(undefined, opts);
    const ctx = {
        atKey: false,
        atRoot: true,
        directives: doc.directives,
        options: doc.options,
        schema: doc.schema
    };
    const props = resolveProps.resolveProps(start, {
        indicator: 'doc-start',
        next: value ?? end?.[0],
        offset,
        onError,
        parentIndent: 0,
        startOnNewline: true
    });
    if (props.found) {
        doc.directives.docStart = true;
        if (value &&
            (value.type === 'block-map' || value.type === 'block-seq') &&
            !props.hasNewline)
            onError(props.end, 'MISSING_CHAR', 'Block collection cannot start on same line with directives-end marker');
    }
    // @ts-expect-error If Contents is set, let's trust the user
    doc.contents = value
        ? composeNode.composeNode(ctx, value, props, onError)
        : composeNode.composeEmptyNode(ctx, props.end, start, null, props, onError);
    const contentEnd = doc.contents.range[2];
    const re = resolveEnd.resolveEnd(end, contentEnd, false, onError);
    if (re.comment)
        doc.comment = re.comment;
    doc.range = [offset, contentEnd, re.offset];
    return doc;
}

exports.composeDoc = composeDoc;


/***/ }),

/***/ 5937:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(4065);
var identity = __nccwpck_require__(1127);
var composeCollection = __nccwpck_require__(7349);
var composeScalar = __nccwpck_require__(5413);
var resolveEnd = __nccwpck_require__(7788);
var utilEmptyScalarPosition = __nccwpck_require__(2599);

const CN = { composeNode, composeEmptyNode };
function composeNode(ctx, token, props, onError) {
    const atKey = ctx.atKey;
    const { spaceBefore, comment, anchor, tag } = props;
    let node;
    let isSrcToken = true;
    switch (token.type) {
        case 'alias':
            node = composeAlias(ctx, token, onError);
            if (anchor || tag)
                onError(token, 'ALIAS_PROPS', 'An alias node must not specify any properties');
            break;
        case 'scalar':
        case 'single-quoted-scalar':
        case 'double-quoted-scalar':
        case 'block-scalar':
            node = composeScalar.composeScalar(ctx, token, tag, onError);
            if (anchor)
                node.anchor = anchor.source.substring(1);
            break;
        case 'block-map':
        case 'block-seq':
        case 'flow-collection':
            try {
                node = composeCollection.composeCollection(CN, ctx, token, props, onError);
                if (anchor)
                    node.anchor = anchor.source.substring(1);
            }
            catch (error) {
                // Almost certainly here due to a stack overflow
                const message = error instanceof Error ? error.message : String(error);
                onError(token, 'RESOURCE_EXHAUSTION', message);
            }
            break;
        default: {
            const message = token.type === 'error'
                ? token.message
                : `Unsupported token (type: ${token.type})`;
            onError(token, 'UNEXPECTED_TOKEN', message);
            isSrcToken = false;
        }
    }
    node ?? (node = composeEmptyNode(ctx, token.offset, undefined, null, props, onError));
    if (anchor && node.anchor === '')
        onError(anchor, 'BAD_ALIAS', 'Anchor cannot be an empty string');
    if (atKey &&
        ctx.options.stringKeys &&
        (!identity.isScalar(node) ||
            typeof node.value !== 'string' ||
            (node.tag && node.tag !== 'tag:yaml.org,2002:str'))) {
        const msg = 'With stringKeys, all keys must be strings';
        onError(tag ?? token, 'NON_STRING_KEY', msg);
    }
    if (spaceBefore)
        node.spaceBefore = true;
    if (comment) {
        if (token.type === 'scalar' && token.source === '')
            node.comment = comment;
        else
            node.commentBefore = comment;
    }
    // @ts-expect-error Type checking misses meaning of isSrcToken
    if (ctx.options.keepSourceTokens && isSrcToken)
        node.srcToken = token;
    return node;
}
function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment, anchor, tag, end }, onError) {
    const token = {
        type: 'scalar',
        offset: utilEmptyScalarPosition.emptyScalarPosition(offset, before, pos),
        indent: -1,
        source: ''
    };
    const node = composeScalar.composeScalar(ctx, token, tag, onError);
    if (anchor) {
        node.anchor = anchor.source.substring(1);
        if (node.anchor === '')
            onError(anchor, 'BAD_ALIAS', 'Anchor cannot be an empty string');
    }
    if (spaceBefore)
        node.spaceBefore = true;
    if (comment) {
        node.comment = comment;
        node.range[2] = end;
    }
    return node;
}
function composeAlias({ options }, { offset, source, end }, onError) {
    const alias = new Alias.Alias(source.substring(1));
    if (alias.source === '')
        onError(offset, 'BAD_ALIAS', 'Alias cannot be an empty string');
    if (alias.source.endsWith(':'))
        onError(offset + source.length - 1, 'BAD_ALIAS', 'Alias ending in : is ambiguous', true);
    const valueEnd = offset + source.length;
    const re = resolveEnd.resolveEnd(end, valueEnd, options.strict, onError);
    alias.range = [offset, valueEnd, re.offset];
    if (re.comment)
        alias.comment = re.comment;
    return alias;
}

exports.composeEmptyNode = composeEmptyNode;
exports.composeNode = composeNode;


/***/ }),

/***/ 5413:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var resolveBlockScalar = __nccwpck_require__(8913);
var resolveFlowScalar = __nccwpck_require__(6842);

function composeScalar(ctx, token, tagToken, onError) {
    const { value, type, comment, range } = token.type === 'block-scalar'
        ? resolveBlockScalar.resolveBlockScalar(ctx, token, onError)
        : resolveFlowScalar.resolveFlowScalar(token, ctx.options.strict, onError);
    const tagName = tagToken
        ? ctx.directives.tagName(tagToken.source, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg))
        : null;
    let tag;
    if (ctx.options.stringKeys && ctx.atKey) {
        tag = ctx.schema[identity.SCALAR];
    }
    else if (tagName)
        tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError);
    else if (token.type === 'scalar')
        tag = findScalarTagByTest(ctx, value, token, onError);
    else
        tag = ctx.schema[identity.SCALAR];
    let scalar;
    try {
        const res = tag.resolve(value, msg => onError(tagToken ?? token, 'TAG_RESOLVE_FAILED', msg), ctx.options);
        scalar = identity.isScalar(res) ? res : new Scalar.Scalar(res);
    }
    catch (error) {
        const msg = error instanceof Error ? error.message : String(error);
        onError(tagToken ?? token, 'TAG_RESOLVE_FAILED', msg);
        scalar = new Scalar.Scalar(value);
    }
    scalar.range = range;
    scalar.source = value;
    if (type)
        scalar.type = type;
    if (tagName)
        scalar.tag = tagName;
    if (tag.format)
        scalar.format = tag.format;
    if (comment)
        scalar.comment = comment;
    return scalar;
}
function findScalarTagByName(schema, value, tagName, tagToken, onError) {
    if (tagName === '!')
        return schema[identity.SCALAR]; // non-specific tag
    const matchWithTest = [];
    for (const tag of schema.tags) {
        if (!tag.collection && tag.tag === tagName) {
            if (tag.default && tag.test)
                matchWithTest.push(tag);
            else
                return tag;
        }
    }
    for (const tag of matchWithTest)
        if (tag.test?.test(value))
            return tag;
    const kt = schema.knownTags[tagName];
    if (kt && !kt.collection) {
        // Ensure that the known tag is available for stringifying,
        // but does not get used by default.
        schema.tags.push(Object.assign({}, kt, { default: false, test: undefined }));
        return kt;
    }
    onError(tagToken, 'TAG_RESOLVE_FAILED', `Unresolved tag: ${tagName}`, tagName !== 'tag:yaml.org,2002:str');
    return schema[identity.SCALAR];
}
function findScalarTagByTest({ atKey, directives, schema }, value, token, onError) {
    const tag = schema.tags.find(tag => (tag.default === true || (atKey && tag.default === 'key')) &&
        tag.test?.test(value)) || schema[identity.SCALAR];
    if (schema.compat) {
        const compat = schema.compat.find(tag => tag.default && tag.test?.test(value)) ??
            schema[identity.SCALAR];
        if (tag.tag !== compat.tag) {
            const ts = directives.tagString(tag.tag);
            const cs = directives.tagString(compat.tag);
            const msg = `Value may be parsed as either ${ts} or ${cs}`;
            onError(token, 'TAG_RESOLVE_FAILED', msg, true);
        }
    }
    return tag;
}

exports.composeScalar = composeScalar;


/***/ }),

/***/ 9984:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);
var directives = __nccwpck_require__(1342);
var Document = __nccwpck_require__(3021);
var errors = __nccwpck_require__(1464);
var identity = __nccwpck_require__(1127);
var composeDoc = __nccwpck_require__(3683);
var resolveEnd = __nccwpck_require__(7788);

function getErrorPos(src) {
    if (typeof src === 'number')
        return [src, src + 1];
    if (Array.isArray(src))
        return src.length === 2 ? src : [src[0], src[1]];
    const { offset, source } = src;
    return [offset, offset + (typeof source === 'string' ? source.length : 1)];
}
function parsePrelude(prelude) {
    let comment = '';
    let atComment = false;
    let afterEmptyLine = false;
    for (let i = 0; i < prelude.length; ++i) {
        const source = prelude[i];
        switch (source[0]) {
            case '#':
                comment +=
                    (comment === '' ? '' : afterEmptyLine ? '\n\n' : '\n') +
                        (source.substring(1) || ' ');
                atComment = true;
                afterEmptyLine = false;
                break;
            case '%':
                if (prelude[i + 1]?.[0] !== '#')
                    i += 1;
                atComment = false;
                break;
            default:
                // This may be wrong after doc-end, but in that case it doesn't matter
                if (!atComment)
                    afterEmptyLine = true;
                atComment = false;
        }
    }
    return { comment, afterEmptyLine };
}
/**
 * Compose a stream of CST nodes into a stream of YAML Documents.
 *
 * ```ts
 * import { Composer, Parser } from 'yaml'
 *
 * const src: string = ...
 * const tokens = new Parser().parse(src)
 * const docs = new Composer().compose(tokens)
 * ```
 */
class Composer {
    constructor(options = {}) {
        this.doc = null;
        this.atDirectives = false;
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
        this.onError = (source, code, message, warning) => {
            const pos = getErrorPos(source);
            if (warning)
                this.warnings.push(new errors.YAMLWarning(pos, code, message));
            else
                this.errors.push(new errors.YAMLParseError(pos, code, message));
        };
        // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
        this.directives = new directives.Directives({ version: options.version || '1.2' });
        this.options = options;
    }
    decorate(doc, afterDoc) {
        const { comment, afterEmptyLine } = parsePrelude(this.prelude);
        //console.log({ dc: doc.comment, prelude, comment })
        if (comment) {
            const dc = doc.contents;
            if (afterDoc) {
                doc.comment = doc.comment ? `${doc.comment}\n${comment}` : comment;
            }
            else if (afterEmptyLine || doc.directives.docStart || !dc) {
                doc.commentBefore = comment;
            }
            else if (identity.isCollection(dc) && !dc.flow && dc.items.length > 0) {
                let it = dc.items[0];
                if (identity.isPair(it))
                    it = it.key;
                const cb = it.commentBefore;
                it.commentBefore = cb ? `${comment}\n${cb}` : comment;
            }
            else {
                const cb = dc.commentBefore;
                dc.commentBefore = cb ? `${comment}\n${cb}` : comment;
            }
        }
        if (afterDoc) {
            for (let i = 0; i < this.errors.length; ++i)
                doc.errors.push(this.errors[i]);
            for (let i = 0; i < this.warnings.length; ++i)
                doc.warnings.push(this.warnings[i]);
        }
        else {
            doc.errors = this.errors;
            doc.warnings = this.warnings;
        }
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
    }
    /**
     * Current stream status information.
     *
     * Mostly useful at the end of input for an empty stream.
     */
    streamInfo() {
        return {
            comment: parsePrelude(this.prelude).comment,
            directives: this.directives,
            errors: this.errors,
            warnings: this.warnings
        };
    }
    /**
     * Compose tokens into documents.
     *
     * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
     * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
     */
    *compose(tokens, forceDoc = false, endOffset = -1) {
        for (const token of tokens)
            yield* this.next(token);
        yield* this.end(forceDoc, endOffset);
    }
    /** Advance the composer by one CST token. */
    *next(token) {
        if (node_process.env.LOG_STREAM)
            console.dir(token, { depth: null });
        switch (token.type) {
            case 'directive':
                this.directives.add(token.source, (offset, message, warning) => {
                    const pos = getErrorPos(token);
                    pos[0] += offset;
                    this.onError(pos, 'BAD_DIRECTIVE', message, warning);
                });
                this.prelude.push(token.source);
                this.atDirectives = true;
                break;
            case 'document': {
                const doc = composeDoc.composeDoc(this.options, this.directives, token, this.onError);
                if (this.atDirectives && !doc.directives.docStart)
                    this.onError(token, 'MISSING_CHAR', 'Missing directives-end/doc-start indicator line');
                this.decorate(doc, false);
                if (this.doc)
                    yield this.doc;
                this.doc = doc;
                this.atDirectives = false;
                break;
            }
            case 'byte-order-mark':
            case 'space':
                break;
            case 'comment':
            case 'newline':
                this.prelude.push(token.source);
                break;
            case 'error': {
                const msg = token.source
                    ? `${token.message}: ${JSON.stringify(token.source)}`
                    : token.message;
                const error = new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', msg);
                if (this.atDirectives || !this.doc)
                    this.errors.push(error);
                else
                    this.doc.errors.push(error);
                break;
            }
            case 'doc-end': {
                if (!this.doc) {
                    const msg = 'Unexpected doc-end without preceding document';
                    this.errors.push(new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', msg));
                    break;
                }
                this.doc.directives.docEnd = true;
                const end = resolveEnd.resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
                this.decorate(this.doc, true);
                if (end.comment) {
                    const dc = this.doc.comment;
                    this.doc.comment = dc ? `${dc}\n${end.comment}` : end.comment;
                }
                this.doc.range[2] = end.offset;
                break;
            }
            default:
                this.errors.push(new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', `Unsupported token ${token.type}`));
        }
    }
    /**
     * Call at end of input to yield any remaining document.
     *
     * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
     * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
     */
    *end(forceDoc = false, endOffset = -1) {
        if (this.doc) {
            this.decorate(this.doc, true);
            yield this.doc;
            this.doc = null;
        }
        else if (forceDoc) {
            const opts = Object.assign({ _directives: this.directives }, this.options);
            const doc = new Document.Document(undefined, opts);
            if (this.atDirectives)
                this.onError(endOffset, 'MISSING_CHAR', 'Missing directives-end indicator line');
            doc.range = [0, endOffset, endOffset];
            this.decorate(doc, false);
            yield doc;
        }
    }
}

exports.Composer = Composer;


/***/ }),

/***/ 7103:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Pair = __nccwpck_require__(7165);
var YAMLMap = __nccwpck_require__(4454);
var resolveProps = __nccwpck_require__(4631);
var utilContainsNewline = __nccwpck_require__(9499);
var utilFlowIndentCheck = __nccwpck_require__(4051);
var utilMapIncludes = __nccwpck_require__(1187);

const startColMsg = 'All mapping items must start at the same column';
function resolveBlockMap({ composeNode, composeEmptyNode }, ctx, bm, onError, tag) {
    const NodeClass = tag?.nodeClass ?? YAMLMap.YAMLMap;
    const map = new NodeClass(ctx.schema);
    if (ctx.atRoot)
        ctx.atRoot = false;
    let offset = bm.offset;
    let commentEnd = null;
    for (const collItem of bm.items) {
        const { start, key, sep, value } = collItem;
        // key properties
        const keyProps = resolveProps.resolveProps(start, {
            indicator: 'explicit-key-ind',
            next: key ?? sep?.[0],
            offset,
            onError,
            parentIndent: bm.indent,
            startOnNewline: true
        });
        const implicitKey = !keyProps.found;
        if (implicitKey) {
            if (key) {
                if (key.type === 'block-seq')
                    onError(offset, 'BLOCK_AS_IMPLICIT_KEY', 'A block sequence may not be used as an implicit map key');
                else if ('indent' in key && key.indent !== bm.indent)
                    onError(offset, 'BAD_INDENT', startColMsg);
            }
            if (!keyProps.anchor && !keyProps.tag && !sep) {
                commentEnd = keyProps.end;
                if (keyProps.comment) {
                    if (map.comment)
                        map.comment += '\n' + keyProps.comment;
                    else
                        map.comment = keyProps.comment;
                }
                continue;
            }
            if (keyProps.newlineAfterProp || utilContainsNewline.containsNewline(key)) {
                onError(key ?? start[start.length - 1], 'MULTILINE_IMPLICIT_KEY', 'Implicit keys need to be on a single line');
            }
        }
        else if (keyProps.found?.indent !== bm.indent) {
            onError(offset, 'BAD_INDENT', startColMsg);
        }
        // key value
        ctx.atKey = true;
        const keyStart = keyProps.end;
        const keyNode = key
            ? composeNode(ctx, key, keyProps, onError)
            : composeEmptyNode(ctx, keyStart, start, null, keyProps, onError);
        if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bm.indent, key, onError);
        ctx.atKey = false;
        if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
            onError(keyStart, 'DUPLICATE_KEY', 'Map keys must be unique');
        // value properties
        const valueProps = resolveProps.resolveProps(sep ?? [], {
            indicator: 'map-value-ind',
            next: value,
            offset: keyNode.range[2],
            onError,
            parentIndent: bm.indent,
            startOnNewline: !key || key.type === 'block-scalar'
        });
        offset = valueProps.end;
        if (valueProps.found) {
            if (implicitKey) {
                if (value?.type === 'block-map' && !valueProps.hasNewline)
                    onError(offset, 'BLOCK_AS_IMPLICIT_KEY', 'Nested mappings are not allowed in compact mappings');
                if (ctx.options.strict &&
                    keyProps.start < valueProps.found.offset - 1024)
                    onError(keyNode.range, 'KEY_OVER_1024_CHARS', 'The : indicator must be at most 1024 chars after the start of an implicit block mapping key');
            }
            // value value
            const valueNode = value
                ? composeNode(ctx, value, valueProps, onError)
                : composeEmptyNode(ctx, offset, sep, null, valueProps, onError);
            if (ctx.schema.compat)
                utilFlowIndentCheck.flowIndentCheck(bm.indent, value, onError);
            offset = valueNode.range[2];
            const pair = new Pair.Pair(keyNode, valueNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            map.items.push(pair);
        }
        else {
            // key with no value
            if (implicitKey)
                onError(keyNode.range, 'MISSING_CHAR', 'Implicit map keys need to be followed by map values');
            if (valueProps.comment) {
                if (keyNode.comment)
                    keyNode.comment += '\n' + valueProps.comment;
                else
                    keyNode.comment = valueProps.comment;
            }
            const pair = new Pair.Pair(keyNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            map.items.push(pair);
        }
    }
    if (commentEnd && commentEnd < offset)
        onError(commentEnd, 'IMPOSSIBLE', 'Map comment with trailing content');
    map.range = [bm.offset, offset, commentEnd ?? offset];
    return map;
}

exports.resolveBlockMap = resolveBlockMap;


/***/ }),

/***/ 8913:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

function resolveBlockScalar(ctx, scalar, onError) {
    const start = scalar.offset;
    const header = parseBlockScalarHeader(scalar, ctx.options.strict, onError);
    if (!header)
        return { value: '', type: null, comment: '', range: [start, start, start] };
    const type = header.mode === '>' ? Scalar.Scalar.BLOCK_FOLDED : Scalar.Scalar.BLOCK_LITERAL;
    const lines = scalar.source ? splitLines(scalar.source) : [];
    // determine the end of content & start of chomping
    let chompStart = lines.length;
    for (let i = lines.length - 1; i >= 0; --i) {
        const content = lines[i][1];
        if (content === '' || content === '\r')
            chompStart = i;
        else
            break;
    }
    // shortcut for empty contents
    if (chompStart === 0) {
        const value = header.chomp === '+' && lines.length > 0
            ? '\n'.repeat(Math.max(1, lines.length - 1))
            : '';
        let end = start + header.length;
        if (scalar.source)
            end += scalar.source.length;
        return { value, type, comment: header.comment, range: [start, end, end] };
    }
    // find the indentation level to trim from start
    let trimIndent = scalar.indent + header.indent;
    let offset = scalar.offset + header.length;
    let contentStart = 0;
    for (let i = 0; i < chompStart; ++i) {
        const [indent, content] = lines[i];
        if (content === '' || content === '\r') {
            if (header.indent === 0 && indent.length > trimIndent)
                trimIndent = indent.length;
        }
        else {
            if (indent.length < trimIndent) {
                const message = 'Block scalars with more-indented leading empty lines must use an explicit indentation indicator';
                onError(offset + indent.length, 'MISSING_CHAR', message);
            }
            if (header.indent === 0)
                trimIndent = indent.length;
            contentStart = i;
            if (trimIndent === 0 && !ctx.atRoot) {
                const message = 'Block scalar values in collections must be indented';
                onError(offset, 'BAD_INDENT', message);
            }
            break;
        }
        offset += indent.length + content.length + 1;
    }
    // include trailing more-indented empty lines in content
    for (let i = lines.length - 1; i >= chompStart; --i) {
        if (lines[i][0].length > trimIndent)
            chompStart = i + 1;
    }
    let value = '';
    let sep = '';
    let prevMoreIndented = false;
    // leading whitespace is kept intact
    for (let i = 0; i < contentStart; ++i)
        value += lines[i][0].slice(trimIndent) + '\n';
    for (let i = contentStart; i < chompStart; ++i) {
        let [indent, content] = lines[i];
        offset += indent.length + content.length + 1;
        const crlf = content[content.length - 1] === '\r';
        if (crlf)
            content = content.slice(0, -1);
        /* istanbul ignore if already caught in lexer */
        if (content && indent.length < trimIndent) {
            const src = header.indent
                ? 'explicit indentation indicator'
                : 'first line';
            const message = `Block scalar lines must not be less indented than their ${src}`;
            onError(offset - content.length - (crlf ? 2 : 1), 'BAD_INDENT', message);
            indent = '';
        }
        if (type === Scalar.Scalar.BLOCK_LITERAL) {
            value += sep + indent.slice(trimIndent) + content;
            sep = '\n';
        }
        else if (indent.length > trimIndent || content[0] === '\t') {
            // more-indented content within a folded block
            if (sep === ' ')
                sep = '\n';
            else if (!prevMoreIndented && sep === '\n')
                sep = '\n\n';
            value += sep + indent.slice(trimIndent) + content;
            sep = '\n';
            prevMoreIndented = true;
        }
        else if (content === '') {
            // empty line
            if (sep === '\n')
                value += '\n';
            else
                sep = '\n';
        }
        else {
            value += sep + content;
            sep = ' ';
            prevMoreIndented = false;
        }
    }
    switch (header.chomp) {
        case '-':
            break;
        case '+':
            for (let i = chompStart; i < lines.length; ++i)
                value += '\n' + lines[i][0].slice(trimIndent);
            if (value[value.length - 1] !== '\n')
                value += '\n';
            break;
        default:
            value += '\n';
    }
    const end = start + header.length + scalar.source.length;
    return { value, type, comment: header.comment, range: [start, end, end] };
}
function parseBlockScalarHeader({ offset, props }, strict, onError) {
    /* istanbul ignore if should not happen */
    if (props[0].type !== 'block-scalar-header') {
        onError(props[0], 'IMPOSSIBLE', 'Block scalar header not found');
        return null;
    }
    const { source } = props[0];
    const mode = source[0];
    let indent = 0;
    let chomp = '';
    let error = -1;
    for (let i = 1; i < source.length; ++i) {
        const ch = source[i];
        if (!chomp && (ch === '-' || ch === '+'))
            chomp = ch;
        else {
            const n = Number(ch);
            if (!indent && n)
                indent = n;
            else if (error === -1)
                error = offset + i;
        }
    }
    if (error !== -1)
        onError(error, 'UNEXPECTED_TOKEN', `Block scalar header includes extra characters: ${source}`);
    let hasSpace = false;
    let comment = '';
    let length = source.length;
    for (let i = 1; i < props.length; ++i) {
        const token = props[i];
        switch (token.type) {
            case 'space':
                hasSpace = true;
            // fallthrough
            case 'newline':
                length += token.source.length;
                break;
            case 'comment':
                if (strict && !hasSpace) {
                    const message = 'Comments must be separated from other tokens by white space characters';
                    onError(token, 'MISSING_CHAR', message);
                }
                length += token.source.length;
                comment = token.source.substring(1);
                break;
            case 'error':
                onError(token, 'UNEXPECTED_TOKEN', token.message);
                length += token.source.length;
                break;
            /* istanbul ignore next should not happen */
            default: {
                const message = `Unexpected token in block scalar header: ${token.type}`;
                onError(token, 'UNEXPECTED_TOKEN', message);
                const ts = token.source;
                if (ts && typeof ts === 'string')
                    length += ts.length;
            }
        }
    }
    return { mode, indent, chomp, comment, length };
}
/** @returns Array of lines split up as `[indent, content]` */
function splitLines(source) {
    const split = source.split(/\n( *)/);
    const first = split[0];
    const m = first.match(/^( *)/);
    const line0 = m?.[1]
        ? [m[1], first.slice(m[1].length)]
        : ['', first];
    const lines = [line0];
    for (let i = 1; i < split.length; i += 2)
        lines.push([split[i], split[i + 1]]);
    return lines;
}

exports.resolveBlockScalar = resolveBlockScalar;


/***/ }),

/***/ 334:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var YAMLSeq = __nccwpck_require__(2223);
var resolveProps = __nccwpck_require__(4631);
var utilFlowIndentCheck = __nccwpck_require__(4051);

function resolveBlockSeq({ composeNode, composeEmptyNode }, ctx, bs, onError, tag) {
    const NodeClass = tag?.nodeClass ?? YAMLSeq.YAMLSeq;
    const seq = new NodeClass(ctx.schema);
    if (ctx.atRoot)
        ctx.atRoot = false;
    if (ctx.atKey)
        ctx.atKey = false;
    let offset = bs.offset;
    let commentEnd = null;
    for (const { start, value } of bs.items) {
        const props = resolveProps.resolveProps(start, {
            indicator: 'seq-item-ind',
            next: value,
            offset,
            onError,
            parentIndent: bs.indent,
            startOnNewline: true
        });
        if (!props.found) {
            if (props.anchor || props.tag || value) {
                if (value?.type === 'block-seq')
                    onError(props.end, 'BAD_INDENT', 'All sequence items must start at the same column');
                else
                    onError(offset, 'MISSING_CHAR', 'Sequence item without - indicator');
            }
            else {
                commentEnd = props.end;
                if (props.comment)
                    seq.comment = props.comment;
                continue;
            }
        }
        const node = value
            ? composeNode(ctx, value, props, onError)
            : composeEmptyNode(ctx, props.end, start, null, props, onError);
        if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bs.indent, value, onError);
        offset = node.range[2];
        seq.items.push(node);
    }
    seq.range = [bs.offset, offset, commentEnd ?? offset];
    return seq;
}

exports.resolveBlockSeq = resolveBlockSeq;


/***/ }),

/***/ 7788:
/***/ ((__unused_webpack_module, exports) => {



function resolveEnd(end, offset, reqSpace, onError) {
    let comment = '';
    if (end) {
        let hasSpace = false;
        let sep = '';
        for (const token of end) {
            const { source, type } = token;
            switch (type) {
                case 'space':
                    hasSpace = true;
                    break;
                case 'comment': {
                    if (reqSpace && !hasSpace)
                        onError(token, 'MISSING_CHAR', 'Comments must be separated from other tokens by white space characters');
                    const cb = source.substring(1) || ' ';
                    if (!comment)
                        comment = cb;
                    else
                        comment += sep + cb;
                    sep = '';
                    break;
                }
                case 'newline':
                    if (comment)
                        sep += source;
                    hasSpace = true;
                    break;
                default:
                    onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${type} at node end`);
            }
            offset += source.length;
        }
    }
    return { comment, offset };
}

exports.resolveEnd = resolveEnd;


/***/ }),

/***/ 3142:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var resolveEnd = __nccwpck_require__(7788);
var resolveProps = __nccwpck_require__(4631);
var utilContainsNewline = __nccwpck_require__(9499);
var utilMapIncludes = __nccwpck_require__(1187);

const blockMsg = 'Block collections are not allowed within flow collections';
const isBlock = (token) => token && (token.type === 'block-map' || token.type === 'block-seq');
function resolveFlowCollection({ composeNode, composeEmptyNode }, ctx, fc, onError, tag) {
    const isMap = fc.start.source === '{';
    const fcName = isMap ? 'flow map' : 'flow sequence';
    const NodeClass = (tag?.nodeClass ?? (isMap ? YAMLMap.YAMLMap : YAMLSeq.YAMLSeq));
    const coll = new NodeClass(ctx.schema);
    coll.flow = true;
    const atRoot = ctx.atRoot;
    if (atRoot)
        ctx.atRoot = false;
    if (ctx.atKey)
        ctx.atKey = false;
    let offset = fc.offset + fc.start.source.length;
    for (let i = 0; i < fc.items.length; ++i) {
        const collItem = fc.items[i];
        const { start, key, sep, value } = collItem;
        const props = resolveProps.resolveProps(start, {
            flow: fcName,
            indicator: 'explicit-key-ind',
            next: key ?? sep?.[0],
            offset,
            onError,
            parentIndent: fc.indent,
            startOnNewline: false
        });
        if (!props.found) {
            if (!props.anchor && !props.tag && !sep && !value) {
                if (i === 0 && props.comma)
                    onError(props.comma, 'UNEXPECTED_TOKEN', `Unexpected , in ${fcName}`);
                else if (i < fc.items.length - 1)
                    onError(props.start, 'UNEXPECTED_TOKEN', `Unexpected empty item in ${fcName}`);
                if (props.comment) {
                    if (coll.comment)
                        coll.comment += '\n' + props.comment;
                    else
                        coll.comment = props.comment;
                }
                offset = props.end;
                continue;
            }
            if (!isMap && ctx.options.strict && utilContainsNewline.containsNewline(key))
                onError(key, // checked by containsNewline()
                'MULTILINE_IMPLICIT_KEY', 'Implicit keys of flow sequence pairs need to be on a single line');
        }
        if (i === 0) {
            if (props.comma)
                onError(props.comma, 'UNEXPECTED_TOKEN', `Unexpected , in ${fcName}`);
        }
        else {
            if (!props.comma)
                onError(props.start, 'MISSING_CHAR', `Missing , between ${fcName} items`);
            if (props.comment) {
                let prevItemComment = '';
                loop: for (const st of start) {
                    switch (st.type) {
                        case 'comma':
                        case 'space':
                            break;
                        case 'comment':
                            prevItemComment = st.source.substring(1);
                            break loop;
                        default:
                            break loop;
                    }
                }
                if (prevItemComment) {
                    let prev = coll.items[coll.items.length - 1];
                    if (identity.isPair(prev))
                        prev = prev.value ?? prev.key;
                    if (prev.comment)
                        prev.comment += '\n' + prevItemComment;
                    else
                        prev.comment = prevItemComment;
                    props.comment = props.comment.substring(prevItemComment.length + 1);
                }
            }
        }
        if (!isMap && !sep && !props.found) {
            // item is a value in a seq
            // → key & sep are empty, start does not include ? or :
            const valueNode = value
                ? composeNode(ctx, value, props, onError)
                : composeEmptyNode(ctx, props.end, sep, null, props, onError);
            coll.items.push(valueNode);
            offset = valueNode.range[2];
            if (isBlock(value))
                onError(valueNode.range, 'BLOCK_IN_FLOW', blockMsg);
        }
        else {
            // item is a key+value pair
            // key value
            ctx.atKey = true;
            const keyStart = props.end;
            const keyNode = key
                ? composeNode(ctx, key, props, onError)
                : composeEmptyNode(ctx, keyStart, start, null, props, onError);
            if (isBlock(key))
                onError(keyNode.range, 'BLOCK_IN_FLOW', blockMsg);
            ctx.atKey = false;
            // value properties
            const valueProps = resolveProps.resolveProps(sep ?? [], {
                flow: fcName,
                indicator: 'map-value-ind',
                next: value,
                offset: keyNode.range[2],
                onError,
                parentIndent: fc.indent,
                startOnNewline: false
            });
            if (valueProps.found) {
                if (!isMap && !props.found && ctx.options.strict) {
                    if (sep)
                        for (const st of sep) {
                            if (st === valueProps.found)
                                break;
                            if (st.type === 'newline') {
                                onError(st, 'MULTILINE_IMPLICIT_KEY', 'Implicit keys of flow sequence pairs need to be on a single line');
                                break;
                            }
                        }
                    if (props.start < valueProps.found.offset - 1024)
                        onError(valueProps.found, 'KEY_OVER_1024_CHARS', 'The : indicator must be at most 1024 chars after the start of an implicit flow sequence key');
                }
            }
            else if (value) {
                if ('source' in value && value.source?.[0] === ':')
                    onError(value, 'MISSING_CHAR', `Missing space after : in ${fcName}`);
                else
                    onError(valueProps.start, 'MISSING_CHAR', `Missing , or : between ${fcName} items`);
            }
            // value value
            const valueNode = value
                ? composeNode(ctx, value, valueProps, onError)
                : valueProps.found
                    ? composeEmptyNode(ctx, valueProps.end, sep, null, valueProps, onError)
                    : null;
            if (valueNode) {
                if (isBlock(value))
                    onError(valueNode.range, 'BLOCK_IN_FLOW', blockMsg);
            }
            else if (valueProps.comment) {
                if (keyNode.comment)
                    keyNode.comment += '\n' + valueProps.comment;
                else
                    keyNode.comment = valueProps.comment;
            }
            const pair = new Pair.Pair(keyNode, valueNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            if (isMap) {
                const map = coll;
                if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
                    onError(keyStart, 'DUPLICATE_KEY', 'Map keys must be unique');
                map.items.push(pair);
            }
            else {
                const map = new YAMLMap.YAMLMap(ctx.schema);
                map.flow = true;
                map.items.push(pair);
                const endRange = (valueNode ?? keyNode).range;
                map.range = [keyNode.range[0], endRange[1], endRange[2]];
                coll.items.push(map);
            }
            offset = valueNode ? valueNode.range[2] : valueProps.end;
        }
    }
    const expectedEnd = isMap ? '}' : ']';
    const [ce, ...ee] = fc.end;
    let cePos = offset;
    if (ce?.source === expectedEnd)
        cePos = ce.offset + ce.source.length;
    else {
        const name = fcName[0].toUpperCase() + fcName.substring(1);
        const msg = atRoot
            ? `${name} must end with a ${expectedEnd}`
            : `${name} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
        onError(offset, atRoot ? 'MISSING_CHAR' : 'BAD_INDENT', msg);
        if (ce && ce.source.length !== 1)
            ee.unshift(ce);
    }
    if (ee.length > 0) {
        const end = resolveEnd.resolveEnd(ee, cePos, ctx.options.strict, onError);
        if (end.comment) {
            if (coll.comment)
                coll.comment += '\n' + end.comment;
            else
                coll.comment = end.comment;
        }
        coll.range = [fc.offset, cePos, end.offset];
    }
    else {
        coll.range = [fc.offset, cePos, cePos];
    }
    return coll;
}

exports.resolveFlowCollection = resolveFlowCollection;


/***/ }),

/***/ 6842:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var resolveEnd = __nccwpck_require__(7788);

function resolveFlowScalar(scalar, strict, onError) {
    const { offset, type, source, end } = scalar;
    let _type;
    let value;
    const _onError = (rel, code, msg) => onError(offset + rel, code, msg);
    switch (type) {
        case 'scalar':
            _type = Scalar.Scalar.PLAIN;
            value = plainValue(source, _onError);
            break;
        case 'single-quoted-scalar':
            _type = Scalar.Scalar.QUOTE_SINGLE;
            value = singleQuotedValue(source, _onError);
            break;
        case 'double-quoted-scalar':
            _type = Scalar.Scalar.QUOTE_DOUBLE;
            value = doubleQuotedValue(source, _onError);
            break;
        /* istanbul ignore next should not happen */
        default:
            onError(scalar, 'UNEXPECTED_TOKEN', `Expected a flow scalar value, but found: ${type}`);
            return {
                value: '',
                type: null,
                comment: '',
                range: [offset, offset + source.length, offset + source.length]
            };
    }
    const valueEnd = offset + source.length;
    const re = resolveEnd.resolveEnd(end, valueEnd, strict, onError);
    return {
        value,
        type: _type,
        comment: re.comment,
        range: [offset, valueEnd, re.offset]
    };
}
function plainValue(source, onError) {
    let badChar = '';
    switch (source[0]) {
        /* istanbul ignore next should not happen */
        case '\t':
            badChar = 'a tab character';
            break;
        case ',':
            badChar = 'flow indicator character ,';
            break;
        case '%':
            badChar = 'directive indicator character %';
            break;
        case '|':
        case '>': {
            badChar = `block scalar indicator ${source[0]}`;
            break;
        }
        case '@':
        case '`': {
            badChar = `reserved character ${source[0]}`;
            break;
        }
    }
    if (badChar)
        onError(0, 'BAD_SCALAR_START', `Plain value cannot start with ${badChar}`);
    return unfoldLines(source);
}
function singleQuotedValue(source, onError) {
    if (source[source.length - 1] !== "'" || source.length === 1)
        onError(source.length, 'MISSING_CHAR', "Missing closing 'quote");
    return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
}
function unfoldLines(source) {
    const line = /(.*?)\r?\n/sy;
    let match = line.exec(source);
    if (!match)
        return source;
    /**
     * The negative lookbehinds in these RegExps are to
     * prevent causing a polynomial search time in certain cases.
     *
     * The try-catch is for Safari < 16.4 and other old browsers:
     * https://caniuse.com/js-regexp-lookbehind
     */
    let trimEnd, trimBoth;
    try {
        trimEnd = new RegExp('(?<![ \t])[ \t]+$');
        trimBoth = new RegExp('^[ \t]+|(?<![ \t])[ \t]+$', 'g');
    }
    catch {
        trimEnd = /[ \t]+$/;
        trimBoth = /^[ \t]+|[ \t]+$/g;
    }
    let res = match[1].replace(trimEnd, '');
    let sep = ' ';
    let pos = line.lastIndex;
    while ((match = line.exec(source))) {
        const lm = match[1].replace(trimBoth, '');
        if (lm === '') {
            if (sep === '\n')
                res += sep;
            else
                sep = '\n';
        }
        else {
            res += sep + lm;
            sep = ' ';
        }
        pos = line.lastIndex;
    }
    const last = /[ \t]*(.*)/sy;
    last.lastIndex = pos;
    match = last.exec(source);
    return res + sep + (match?.[1] ?? '');
}
function doubleQuotedValue(source, onError) {
    let res = '';
    for (let i = 1; i < source.length - 1; ++i) {
        const ch = source[i];
        if (ch === '\r' && source[i + 1] === '\n')
            continue;
        if (ch === '\n') {
            const { fold, offset } = foldNewline(source, i);
            res += fold;
            i = offset;
        }
        else if (ch === '\\') {
            let next = source[++i];
            const cc = escapeCodes[next];
            if (cc)
                res += cc;
            else if (next === '\n') {
                // skip escaped newlines, but still trim the following line
                next = source[i + 1];
                while (next === ' ' || next === '\t')
                    next = source[++i + 1];
            }
            else if (next === '\r' && source[i + 1] === '\n') {
                // skip escaped CRLF newlines, but still trim the following line
                next = source[++i + 1];
                while (next === ' ' || next === '\t')
                    next = source[++i + 1];
            }
            else if (next === 'x' || next === 'u' || next === 'U') {
                const length = next === 'x' ? 2 : next === 'u' ? 4 : 8;
                res += parseCharCode(source, i + 1, length, onError);
                i += length;
            }
            else {
                const raw = source.substr(i - 1, 2);
                onError(i - 1, 'BAD_DQ_ESCAPE', `Invalid escape sequence ${raw}`);
                res += raw;
            }
        }
        else if (ch === ' ' || ch === '\t') {
            // trim trailing whitespace
            const wsStart = i;
            let next = source[i + 1];
            while (next === ' ' || next === '\t')
                next = source[++i + 1];
            if (next !== '\n' && !(next === '\r' && source[i + 2] === '\n'))
                res += i > wsStart ? source.slice(wsStart, i + 1) : ch;
        }
        else {
            res += ch;
        }
    }
    if (source[source.length - 1] !== '"' || source.length === 1)
        onError(source.length, 'MISSING_CHAR', 'Missing closing "quote');
    return res;
}
/**
 * Fold a single newline into a space, multiple newlines to N - 1 newlines.
 * Presumes `source[offset] === '\n'`
 */
function foldNewline(source, offset) {
    let fold = '';
    let ch = source[offset + 1];
    while (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
        if (ch === '\r' && source[offset + 2] !== '\n')
            break;
        if (ch === '\n')
            fold += '\n';
        offset += 1;
        ch = source[offset + 1];
    }
    if (!fold)
        fold = ' ';
    return { fold, offset };
}
const escapeCodes = {
    '0': '\0', // null character
    a: '\x07', // bell character
    b: '\b', // backspace
    e: '\x1b', // escape character
    f: '\f', // form feed
    n: '\n', // line feed
    r: '\r', // carriage return
    t: '\t', // horizontal tab
    v: '\v', // vertical tab
    N: '\u0085', // Unicode next line
    _: '\u00a0', // Unicode non-breaking space
    L: '\u2028', // Unicode line separator
    P: '\u2029', // Unicode paragraph separator
    ' ': ' ',
    '"': '"',
    '/': '/',
    '\\': '\\',
    '\t': '\t'
};
function parseCharCode(source, offset, length, onError) {
    const cc = source.substr(offset, length);
    const ok = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
    const code = ok ? parseInt(cc, 16) : NaN;
    try {
        return String.fromCodePoint(code);
    }
    catch {
        const raw = source.substr(offset - 2, length + 2);
        onError(offset - 2, 'BAD_DQ_ESCAPE', `Invalid escape sequence ${raw}`);
        return raw;
    }
}

exports.resolveFlowScalar = resolveFlowScalar;


/***/ }),

/***/ 4631:
/***/ ((__unused_webpack_module, exports) => {



function resolveProps(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
    let spaceBefore = false;
    let atNewline = startOnNewline;
    let hasSpace = startOnNewline;
    let comment = '';
    let commentSep = '';
    let hasNewline = false;
    let reqSpace = false;
    let tab = null;
    let anchor = null;
    let tag = null;
    let newlineAfterProp = null;
    let comma = null;
    let found = null;
    let start = null;
    for (const token of tokens) {
        if (reqSpace) {
            if (token.type !== 'space' &&
                token.type !== 'newline' &&
                token.type !== 'comma')
                onError(token.offset, 'MISSING_CHAR', 'Tags and anchors must be separated from the next token by white space');
            reqSpace = false;
        }
        if (tab) {
            if (atNewline && token.type !== 'comment' && token.type !== 'newline') {
                onError(tab, 'TAB_AS_INDENT', 'Tabs are not allowed as indentation');
            }
            tab = null;
        }
        switch (token.type) {
            case 'space':
                // At the doc level, tabs at line start may be parsed
                // as leading white space rather than indentation.
                // In a flow collection, only the parser handles indent.
                if (!flow &&
                    (indicator !== 'doc-start' || next?.type !== 'flow-collection') &&
                    token.source.includes('\t')) {
                    tab = token;
                }
                hasSpace = true;
                break;
            case 'comment': {
                if (!hasSpace)
                    onError(token, 'MISSING_CHAR', 'Comments must be separated from other tokens by white space characters');
                const cb = token.source.substring(1) || ' ';
                if (!comment)
                    comment = cb;
                else
                    comment += commentSep + cb;
                commentSep = '';
                atNewline = false;
                break;
            }
            case 'newline':
                if (atNewline) {
                    if (comment)
                        comment += token.source;
                    else if (!found || indicator !== 'seq-item-ind')
                        spaceBefore = true;
                }
                else
                    commentSep += token.source;
                atNewline = true;
                hasNewline = true;
                if (anchor || tag)
                    newlineAfterProp = token;
                hasSpace = true;
                break;
            case 'anchor':
                if (anchor)
                    onError(token, 'MULTIPLE_ANCHORS', 'A node can have at most one anchor');
                if (token.source.endsWith(':'))
                    onError(token.offset + token.source.length - 1, 'BAD_ALIAS', 'Anchor ending in : is ambiguous', true);
                anchor = token;
                start ?? (start = token.offset);
                atNewline = false;
                hasSpace = false;
                reqSpace = true;
                break;
            case 'tag': {
                if (tag)
                    onError(token, 'MULTIPLE_TAGS', 'A node can have at most one tag');
                tag = token;
                start ?? (start = token.offset);
                atNewline = false;
                hasSpace = false;
                reqSpace = true;
                break;
            }
            case indicator:
                // Could here handle preceding comments differently
                if (anchor || tag)
                    onError(token, 'BAD_PROP_ORDER', `Anchors and tags must be after the ${token.source} indicator`);
                if (found)
                    onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${token.source} in ${flow ?? 'collection'}`);
                found = token;
                atNewline =
                    indicator === 'seq-item-ind' || indicator === 'explicit-key-ind';
                hasSpace = false;
                break;
            case 'comma':
                if (flow) {
                    if (comma)
                        onError(token, 'UNEXPECTED_TOKEN', `Unexpected , in ${flow}`);
                    comma = token;
                    atNewline = false;
                    hasSpace = false;
                    break;
                }
            // else fallthrough
            default:
                onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${token.type} token`);
                atNewline = false;
                hasSpace = false;
        }
    }
    const last = tokens[tokens.length - 1];
    const end = last ? last.offset + last.source.length : offset;
    if (reqSpace &&
        next &&
        next.type !== 'space' &&
        next.type !== 'newline' &&
        next.type !== 'comma' &&
        (next.type !== 'scalar' || next.source !== '')) {
        onError(next.offset, 'MISSING_CHAR', 'Tags and anchors must be separated from the next token by white space');
    }
    if (tab &&
        ((atNewline && tab.indent <= parentIndent) ||
            next?.type === 'block-map' ||
            next?.type === 'block-seq'))
        onError(tab, 'TAB_AS_INDENT', 'Tabs are not allowed as indentation');
    return {
        comma,
        found,
        spaceBefore,
        comment,
        hasNewline,
        anchor,
        tag,
        newlineAfterProp,
        end,
        start: start ?? end
    };
}

exports.resolveProps = resolveProps;


/***/ }),

/***/ 9499:
/***/ ((__unused_webpack_module, exports) => {



function containsNewline(key) {
    if (!key)
        return null;
    switch (key.type) {
        case 'alias':
        case 'scalar':
        case 'double-quoted-scalar':
        case 'single-quoted-scalar':
            if (key.source.includes('\n'))
                return true;
            if (key.end)
                for (const st of key.end)
                    if (st.type === 'newline')
                        return true;
            return false;
        case 'flow-collection':
            for (const it of key.items) {
                for (const st of it.start)
                    if (st.type === 'newline')
                        return true;
                if (it.sep)
                    for (const st of it.sep)
                        if (st.type === 'newline')
                            return true;
                if (containsNewline(it.key) || containsNewline(it.value))
                    return true;
            }
            return false;
        default:
            return true;
    }
}

exports.containsNewline = containsNewline;


/***/ }),

/***/ 2599:
/***/ ((__unused_webpack_module, exports) => {



function emptyScalarPosition(offset, before, pos) {
    if (before) {
        pos ?? (pos = before.length);
        for (let i = pos - 1; i >= 0; --i) {
            let st = before[i];
            switch (st.type) {
                case 'space':
                case 'comment':
                case 'newline':
                    offset -= st.source.length;
                    continue;
            }
            // Technically, an empty scalar is immediately after the last non-empty
            // node, but it's more useful to place it after any whitespace.
            st = before[++i];
            while (st?.type === 'space') {
                offset += st.source.length;
                st = before[++i];
            }
            break;
        }
    }
    return offset;
}

exports.emptyScalarPosition = emptyScalarPosition;


/***/ }),

/***/ 4051:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var utilContainsNewline = __nccwpck_require__(9499);

function flowIndentCheck(indent, fc, onError) {
    if (fc?.type === 'flow-collection') {
        const end = fc.end[0];
        if (end.indent === indent &&
            (end.source === ']' || end.source === '}') &&
            utilContainsNewline.containsNewline(fc)) {
            const msg = 'Flow end indicator should be more indented than parent';
            onError(end, 'BAD_INDENT', msg, true);
        }
    }
}

exports.flowIndentCheck = flowIndentCheck;


/***/ }),

/***/ 1187:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);

function mapIncludes(ctx, items, search) {
    const { uniqueKeys } = ctx.options;
    if (uniqueKeys === false)
        return false;
    const isEqual = typeof uniqueKeys === 'function'
        ? uniqueKeys
        : (a, b) => a === b || (identity.isScalar(a) && identity.isScalar(b) && a.value === b.value);
    return items.some(pair => isEqual(pair.key, search));
}

exports.mapIncludes = mapIncludes;


/***/ }),

/***/ 3021:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(4065);
var Collection = __nccwpck_require__(101);
var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var toJS = __nccwpck_require__(4043);
var Schema = __nccwpck_require__(5840);
var stringifyDocument = __nccwpck_require__(6829);
var anchors = __nccwpck_require__(1596);
var applyReviver = __nccwpck_require__(3661);
var createNode = __nccwpck_require__(2404);
var directives = __nccwpck_require__(1342);

class Document {
    constructor(value, replacer, options) {
        /** A comment before this Document */
        this.commentBefore = null;
        /** A comment immediately after this Document */
        this.comment = null;
        /** Errors encountered during parsing. */
        this.errors = [];
        /** Warnings encountered during parsing. */
        this.warnings = [];
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.DOC });
        let _replacer = null;
        if (typeof replacer === 'function' || Array.isArray(replacer)) {
            _replacer = replacer;
        }
        else if (options === undefined && replacer) {
            options = replacer;
            replacer = undefined;
        }
        const opt = Object.assign({
            intAsBigInt: false,
            keepSourceTokens: false,
            logLevel: 'warn',
            prettyErrors: true,
            strict: true,
            stringKeys: false,
            uniqueKeys: true,
            version: '1.2'
        }, options);
        this.options = opt;
        let { version } = opt;
        if (options?._directives) {
            this.directives = options._directives.atDocument();
            if (this.directives.yaml.explicit)
                version = this.directives.yaml.version;
        }
        else
            this.directives = new directives.Directives({ version });
        this.setSchema(version, options);
        // @ts-expect-error We can't really know that this matches Contents.
        this.contents =
            value === undefined ? null : this.createNode(value, _replacer, options);
    }
    /**
     * Create a deep copy of this Document and its contents.
     *
     * Custom Node values that inherit from `Object` still refer to their original instances.
     */
    clone() {
        const copy = Object.create(Document.prototype, {
            [identity.NODE_TYPE]: { value: identity.DOC }
        });
        copy.commentBefore = this.commentBefore;
        copy.comment = this.comment;
        copy.errors = this.errors.slice();
        copy.warnings = this.warnings.slice();
        copy.options = Object.assign({}, this.options);
        if (this.directives)
            copy.directives = this.directives.clone();
        copy.schema = this.schema.clone();
        // @ts-expect-error We can't really know that this matches Contents.
        copy.contents = identity.isNode(this.contents)
            ? this.contents.clone(copy.schema)
            : this.contents;
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /** Adds a value to the document. */
    add(value) {
        if (assertCollection(this.contents))
            this.contents.add(value);
    }
    /** Adds a value to the document. */
    addIn(path, value) {
        if (assertCollection(this.contents))
            this.contents.addIn(path, value);
    }
    /**
     * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
     *
     * If `node` already has an anchor, `name` is ignored.
     * Otherwise, the `node.anchor` value will be set to `name`,
     * or if an anchor with that name is already present in the document,
     * `name` will be used as a prefix for a new unique anchor.
     * If `name` is undefined, the generated anchor will use 'a' as a prefix.
     */
    createAlias(node, name) {
        if (!node.anchor) {
            const prev = anchors.anchorNames(this);
            node.anchor =
                // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
                !name || prev.has(name) ? anchors.findNewAnchor(name || 'a', prev) : name;
        }
        return new Alias.Alias(node.anchor);
    }
    createNode(value, replacer, options) {
        let _replacer = undefined;
        if (typeof replacer === 'function') {
            value = replacer.call({ '': value }, '', value);
            _replacer = replacer;
        }
        else if (Array.isArray(replacer)) {
            const keyToStr = (v) => typeof v === 'number' || v instanceof String || v instanceof Number;
            const asStr = replacer.filter(keyToStr).map(String);
            if (asStr.length > 0)
                replacer = replacer.concat(asStr);
            _replacer = replacer;
        }
        else if (options === undefined && replacer) {
            options = replacer;
            replacer = undefined;
        }
        const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options ?? {};
        const { onAnchor, setAnchors, sourceObjects } = anchors.createNodeAnchors(this, 
        // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
        anchorPrefix || 'a');
        const ctx = {
            aliasDuplicateObjects: aliasDuplicateObjects ?? true,
            keepUndefined: keepUndefined ?? false,
            onAnchor,
            onTagObj,
            replacer: _replacer,
            schema: this.schema,
            sourceObjects
        };
        const node = createNode.createNode(value, tag, ctx);
        if (flow && identity.isCollection(node))
            node.flow = true;
        setAnchors();
        return node;
    }
    /**
     * Convert a key and a value into a `Pair` using the current schema,
     * recursively wrapping all values as `Scalar` or `Collection` nodes.
     */
    createPair(key, value, options = {}) {
        const k = this.createNode(key, null, options);
        const v = this.createNode(value, null, options);
        return new Pair.Pair(k, v);
    }
    /**
     * Removes a value from the document.
     * @returns `true` if the item was found and removed.
     */
    delete(key) {
        return assertCollection(this.contents) ? this.contents.delete(key) : false;
    }
    /**
     * Removes a value from the document.
     * @returns `true` if the item was found and removed.
     */
    deleteIn(path) {
        if (Collection.isEmptyPath(path)) {
            if (this.contents == null)
                return false;
            // @ts-expect-error Presumed impossible if Strict extends false
            this.contents = null;
            return true;
        }
        return assertCollection(this.contents)
            ? this.contents.deleteIn(path)
            : false;
    }
    /**
     * Returns item at `key`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    get(key, keepScalar) {
        return identity.isCollection(this.contents)
            ? this.contents.get(key, keepScalar)
            : undefined;
    }
    /**
     * Returns item at `path`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    getIn(path, keepScalar) {
        if (Collection.isEmptyPath(path))
            return !keepScalar && identity.isScalar(this.contents)
                ? this.contents.value
                : this.contents;
        return identity.isCollection(this.contents)
            ? this.contents.getIn(path, keepScalar)
            : undefined;
    }
    /**
     * Checks if the document includes a value with the key `key`.
     */
    has(key) {
        return identity.isCollection(this.contents) ? this.contents.has(key) : false;
    }
    /**
     * Checks if the document includes a value at `path`.
     */
    hasIn(path) {
        if (Collection.isEmptyPath(path))
            return this.contents !== undefined;
        return identity.isCollection(this.contents) ? this.contents.hasIn(path) : false;
    }
    /**
     * Sets a value in this document. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    set(key, value) {
        if (this.contents == null) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = Collection.collectionFromPath(this.schema, [key], value);
        }
        else if (assertCollection(this.contents)) {
            this.contents.set(key, value);
        }
    }
    /**
     * Sets a value in this document. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    setIn(path, value) {
        if (Collection.isEmptyPath(path)) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = value;
        }
        else if (this.contents == null) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = Collection.collectionFromPath(this.schema, Array.from(path), value);
        }
        else if (assertCollection(this.contents)) {
            this.contents.setIn(path, value);
        }
    }
    /**
     * Change the YAML version and schema used by the document.
     * A `null` version disables support for directives, explicit tags, anchors, and aliases.
     * It also requires the `schema` option to be given as a `Schema` instance value.
     *
     * Overrides all previously set schema options.
     */
    setSchema(version, options = {}) {
        if (typeof version === 'number')
            version = String(version);
        let opt;
        switch (version) {
            case '1.1':
                if (this.directives)
                    this.directives.yaml.version = '1.1';
                else
                    this.directives = new directives.Directives({ version: '1.1' });
                opt = { resolveKnownTags: false, schema: 'yaml-1.1' };
                break;
            case '1.2':
            case 'next':
                if (this.directives)
                    this.directives.yaml.version = version;
                else
                    this.directives = new directives.Directives({ version });
                opt = { resolveKnownTags: true, schema: 'core' };
                break;
            case null:
                if (this.directives)
                    delete this.directives;
                opt = null;
                break;
            default: {
                const sv = JSON.stringify(version);
                throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
            }
        }
        // Not using `instanceof Schema` to allow for duck typing
        if (options.schema instanceof Object)
            this.schema = options.schema;
        else if (opt)
            this.schema = new Schema.Schema(Object.assign(opt, options));
        else
            throw new Error(`With a null YAML version, the { schema: Schema } option is required`);
    }
    // json & jsonArg are only used from toJSON()
    toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        const ctx = {
            anchors: new Map(),
            doc: this,
            keep: !json,
            mapAsMap: mapAsMap === true,
            mapKeyWarned: false,
            maxAliasCount: typeof maxAliasCount === 'number' ? maxAliasCount : 100
        };
        const res = toJS.toJS(this.contents, jsonArg ?? '', ctx);
        if (typeof onAnchor === 'function')
            for (const { count, res } of ctx.anchors.values())
                onAnchor(res, count);
        return typeof reviver === 'function'
            ? applyReviver.applyReviver(reviver, { '': res }, '', res)
            : res;
    }
    /**
     * A JSON representation of the document `contents`.
     *
     * @param jsonArg Used by `JSON.stringify` to indicate the array index or
     *   property name.
     */
    toJSON(jsonArg, onAnchor) {
        return this.toJS({ json: true, jsonArg, mapAsMap: false, onAnchor });
    }
    /** A YAML representation of the document. */
    toString(options = {}) {
        if (this.errors.length > 0)
            throw new Error('Document with errors cannot be stringified');
        if ('indent' in options &&
            (!Number.isInteger(options.indent) || Number(options.indent) <= 0)) {
            const s = JSON.stringify(options.indent);
            throw new Error(`"indent" option must be a positive integer, not ${s}`);
        }
        return stringifyDocument.stringifyDocument(this, options);
    }
}
function assertCollection(contents) {
    if (identity.isCollection(contents))
        return true;
    throw new Error('Expected a YAML collection as document contents');
}

exports.Document = Document;


/***/ }),

/***/ 1596:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var visit = __nccwpck_require__(204);

/**
 * Verify that the input string is a valid anchor.
 *
 * Will throw on errors.
 */
function anchorIsValid(anchor) {
    if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
        const sa = JSON.stringify(anchor);
        const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
        throw new Error(msg);
    }
    return true;
}
function anchorNames(root) {
    const anchors = new Set();
    visit.visit(root, {
        Value(_key, node) {
            if (node.anchor)
                anchors.add(node.anchor);
        }
    });
    return anchors;
}
/** Find a new anchor name with the given `prefix` and a one-indexed suffix. */
function findNewAnchor(prefix, exclude) {
    for (let i = 1; true; ++i) {
        const name = `${prefix}${i}`;
        if (!exclude.has(name))
            return name;
    }
}
function createNodeAnchors(doc, prefix) {
    const aliasObjects = [];
    const sourceObjects = new Map();
    let prevAnchors = null;
    return {
        onAnchor: (source) => {
            aliasObjects.push(source);
            prevAnchors ?? (prevAnchors = anchorNames(doc));
            const anchor = findNewAnchor(prefix, prevAnchors);
            prevAnchors.add(anchor);
            return anchor;
        },
        /**
         * With circular references, the source node is only resolved after all
         * of its child nodes are. This is why anchors are set only after all of
         * the nodes have been created.
         */
        setAnchors: () => {
            for (const source of aliasObjects) {
                const ref = sourceObjects.get(source);
                if (typeof ref === 'object' &&
                    ref.anchor &&
                    (identity.isScalar(ref.node) || identity.isCollection(ref.node))) {
                    ref.node.anchor = ref.anchor;
                }
                else {
                    const error = new Error('Failed to resolve repeated object (this should not happen)');
                    error.source = source;
                    throw error;
                }
            }
        },
        sourceObjects
    };
}

exports.anchorIsValid = anchorIsValid;
exports.anchorNames = anchorNames;
exports.createNodeAnchors = createNodeAnchors;
exports.findNewAnchor = findNewAnchor;


/***/ }),

/***/ 3661:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Applies the JSON.parse reviver algorithm as defined in the ECMA-262 spec,
 * in section 24.5.1.1 "Runtime Semantics: InternalizeJSONProperty" of the
 * 2021 edition: https://tc39.es/ecma262/#sec-json.parse
 *
 * Includes extensions for handling Map and Set objects.
 */
function applyReviver(reviver, obj, key, val) {
    if (val && typeof val === 'object') {
        if (Array.isArray(val)) {
            for (let i = 0, len = val.length; i < len; ++i) {
                const v0 = val[i];
                const v1 = applyReviver(reviver, val, String(i), v0);
                // eslint-disable-next-line @typescript-eslint/no-array-delete
                if (v1 === undefined)
                    delete val[i];
                else if (v1 !== v0)
                    val[i] = v1;
            }
        }
        else if (val instanceof Map) {
            for (const k of Array.from(val.keys())) {
                const v0 = val.get(k);
                const v1 = applyReviver(reviver, val, k, v0);
                if (v1 === undefined)
                    val.delete(k);
                else if (v1 !== v0)
                    val.set(k, v1);
            }
        }
        else if (val instanceof Set) {
            for (const v0 of Array.from(val)) {
                const v1 = applyReviver(reviver, val, v0, v0);
                if (v1 === undefined)
                    val.delete(v0);
                else if (v1 !== v0) {
                    val.delete(v0);
                    val.add(v1);
                }
            }
        }
        else {
            for (const [k, v0] of Object.entries(val)) {
                const v1 = applyReviver(reviver, val, k, v0);
                if (v1 === undefined)
                    delete val[k];
                else if (v1 !== v0)
                    val[k] = v1;
            }
        }
    }
    return reviver.call(obj, key, val);
}

exports.applyReviver = applyReviver;


/***/ }),

/***/ 2404:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(4065);
var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);

const defaultTagPrefix = 'tag:yaml.org,2002:';
function findTagObject(value, tagName, tags) {
    if (tagName) {
        const match = tags.filter(t => t.tag === tagName);
        const tagObj = match.find(t => !t.format) ?? match[0];
        if (!tagObj)
            throw new Error(`Tag ${tagName} not found`);
        return tagObj;
    }
    return tags.find(t => t.identify?.(value) && !t.format);
}
function createNode(value, tagName, ctx) {
    if (identity.isDocument(value))
        value = value.contents;
    if (identity.isNode(value))
        return value;
    if (identity.isPair(value)) {
        const map = ctx.schema[identity.MAP].createNode?.(ctx.schema, null, ctx);
        map.items.push(value);
        return map;
    }
    if (value instanceof String ||
        value instanceof Number ||
        value instanceof Boolean ||
        (typeof BigInt !== 'undefined' && value instanceof BigInt) // not supported everywhere
    ) {
        // https://tc39.es/ecma262/#sec-serializejsonproperty
        value = value.valueOf();
    }
    const { aliasDuplicateObjects, onAnchor, onTagObj, schema, sourceObjects } = ctx;
    // Detect duplicate references to the same object & use Alias nodes for all
    // after first. The `ref` wrapper allows for circular references to resolve.
    let ref = undefined;
    if (aliasDuplicateObjects && value && typeof value === 'object') {
        ref = sourceObjects.get(value);
        if (ref) {
            ref.anchor ?? (ref.anchor = onAnchor(value));
            return new Alias.Alias(ref.anchor);
        }
        else {
            ref = { anchor: null, node: null };
            sourceObjects.set(value, ref);
        }
    }
    if (tagName?.startsWith('!!'))
        tagName = defaultTagPrefix + tagName.slice(2);
    let tagObj = findTagObject(value, tagName, schema.tags);
    if (!tagObj) {
        if (value && typeof value.toJSON === 'function') {
            // eslint-disable-next-line @typescript-eslint/no-unsafe-call
            value = value.toJSON();
        }
        if (!value || typeof value !== 'object') {
            const node = new Scalar.Scalar(value);
            if (ref)
                ref.node = node;
            return node;
        }
        tagObj =
            value instanceof Map
                ? schema[identity.MAP]
                : Symbol.iterator in Object(value)
                    ? schema[identity.SEQ]
                    : schema[identity.MAP];
    }
    if (onTagObj) {
        onTagObj(tagObj);
        delete ctx.onTagObj;
    }
    const node = tagObj?.createNode
        ? tagObj.createNode(ctx.schema, value, ctx)
        : typeof tagObj?.nodeClass?.from === 'function'
            ? tagObj.nodeClass.from(ctx.schema, value, ctx)
            : new Scalar.Scalar(value);
    if (tagName)
        node.tag = tagName;
    else if (!tagObj.default)
        node.tag = tagObj.tag;
    if (ref)
        ref.node = node;
    return node;
}

exports.createNode = createNode;


/***/ }),

/***/ 1342:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var visit = __nccwpck_require__(204);

const escapeChars = {
    '!': '%21',
    ',': '%2C',
    '[': '%5B',
    ']': '%5D',
    '{': '%7B',
    '}': '%7D'
};
const escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, ch => escapeChars[ch]);
class Directives {
    constructor(yaml, tags) {
        /**
         * The directives-end/doc-start marker `---`. If `null`, a marker may still be
         * included in the document's stringified representation.
         */
        this.docStart = null;
        /** The doc-end marker `...`.  */
        this.docEnd = false;
        this.yaml = Object.assign({}, Directives.defaultYaml, yaml);
        this.tags = Object.assign({}, Directives.defaultTags, tags);
    }
    clone() {
        const copy = new Directives(this.yaml, this.tags);
        copy.docStart = this.docStart;
        return copy;
    }
    /**
     * During parsing, get a Directives instance for the current document and
     * update the stream state according to the current version's spec.
     */
    atDocument() {
        const res = new Directives(this.yaml, this.tags);
        switch (this.yaml.version) {
            case '1.1':
                this.atNextDocument = true;
                break;
            case '1.2':
                this.atNextDocument = false;
                this.yaml = {
                    explicit: Directives.defaultYaml.explicit,
                    version: '1.2'
                };
                this.tags = Object.assign({}, Directives.defaultTags);
                break;
        }
        return res;
    }
    /**
     * @param onError - May be called even if the action was successful
     * @returns `true` on success
     */
    add(line, onError) {
        if (this.atNextDocument) {
            this.yaml = { explicit: Directives.defaultYaml.explicit, version: '1.1' };
            this.tags = Object.assign({}, Directives.defaultTags);
            this.atNextDocument = false;
        }
        const parts = line.trim().split(/[ \t]+/);
        const name = parts.shift();
        switch (name) {
            case '%TAG': {
                if (parts.length !== 2) {
                    onError(0, '%TAG directive should contain exactly two parts');
                    if (parts.length < 2)
                        return false;
                }
                const [handle, prefix] = parts;
                this.tags[handle] = prefix;
                return true;
            }
            case '%YAML': {
                this.yaml.explicit = true;
                if (parts.length !== 1) {
                    onError(0, '%YAML directive should contain exactly one part');
                    return false;
                }
                const [version] = parts;
                if (version === '1.1' || version === '1.2') {
                    this.yaml.version = version;
                    return true;
                }
                else {
                    const isValid = /^\d+\.\d+$/.test(version);
                    onError(6, `Unsupported YAML version ${version}`, isValid);
                    return false;
                }
            }
            default:
                onError(0, `Unknown directive ${name}`, true);
                return false;
        }
    }
    /**
     * Resolves a tag, matching handles to those defined in %TAG directives.
     *
     * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
     *   `'!local'` tag, or `null` if unresolvable.
     */
    tagName(source, onError) {
        if (source === '!')
            return '!'; // non-specific tag
        if (source[0] !== '!') {
            onError(`Not a valid tag: ${source}`);
            return null;
        }
        if (source[1] === '<') {
            const verbatim = source.slice(2, -1);
            if (verbatim === '!' || verbatim === '!!') {
                onError(`Verbatim tags aren't resolved, so ${source} is invalid.`);
                return null;
            }
            if (source[source.length - 1] !== '>')
                onError('Verbatim tags must end with a >');
            return verbatim;
        }
        const [, handle, suffix] = source.match(/^(.*!)([^!]*)$/s);
        if (!suffix)
            onError(`The ${source} tag has no suffix`);
        const prefix = this.tags[handle];
        if (prefix) {
            try {
                return prefix + decodeURIComponent(suffix);
            }
            catch (error) {
                onError(String(error));
                return null;
            }
        }
        if (handle === '!')
            return source; // local tag
        onError(`Could not resolve tag: ${source}`);
        return null;
    }
    /**
     * Given a fully resolved tag, returns its printable string form,
     * taking into account current tag prefixes and defaults.
     */
    tagString(tag) {
        for (const [handle, prefix] of Object.entries(this.tags)) {
            if (tag.startsWith(prefix))
                return handle + escapeTagName(tag.substring(prefix.length));
        }
        return tag[0] === '!' ? tag : `!<${tag}>`;
    }
    toString(doc) {
        const lines = this.yaml.explicit
            ? [`%YAML ${this.yaml.version || '1.2'}`]
            : [];
        const tagEntries = Object.entries(this.tags);
        let tagNames;
        if (doc && tagEntries.length > 0 && identity.isNode(doc.contents)) {
            const tags = {};
            visit.visit(doc.contents, (_key, node) => {
                if (identity.isNode(node) && node.tag)
                    tags[node.tag] = true;
            });
            tagNames = Object.keys(tags);
        }
        else
            tagNames = [];
        for (const [handle, prefix] of tagEntries) {
            if (handle === '!!' && prefix === 'tag:yaml.org,2002:')
                continue;
            if (!doc || tagNames.some(tn => tn.startsWith(prefix)))
                lines.push(`%TAG ${handle} ${prefix}`);
        }
        return lines.join('\n');
    }
}
Directives.defaultYaml = { explicit: false, version: '1.2' };
Directives.defaultTags = { '!!': 'tag:yaml.org,2002:' };

exports.Directives = Directives;


/***/ }),

/***/ 1464:
/***/ ((__unused_webpack_module, exports) => {



class YAMLError extends Error {
    constructor(name, pos, code, message) {
        super();
        this.name = name;
        this.code = code;
        this.message = message;
        this.pos = pos;
    }
}
class YAMLParseError extends YAMLError {
    constructor(pos, code, message) {
        super('YAMLParseError', pos, code, message);
    }
}
class YAMLWarning extends YAMLError {
    constructor(pos, code, message) {
        super('YAMLWarning', pos, code, message);
    }
}
const prettifyError = (src, lc) => (error) => {
    if (error.pos[0] === -1)
        return;
    error.linePos = error.pos.map(pos => lc.linePos(pos));
    const { line, col } = error.linePos[0];
    error.message += ` at line ${line}, column ${col}`;
    let ci = col - 1;
    let lineStr = src
        .substring(lc.lineStarts[line - 1], lc.lineStarts[line])
        .replace(/[\n\r]+$/, '');
    // Trim to max 80 chars, keeping col position near the middle
    if (ci >= 60 && lineStr.length > 80) {
        const trimStart = Math.min(ci - 39, lineStr.length - 79);
        lineStr = '…' + lineStr.substring(trimStart);
        ci -= trimStart - 1;
    }
    if (lineStr.length > 80)
        lineStr = lineStr.substring(0, 79) + '…';
    // Include previous line in context if pointing at line start
    if (line > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
        // Regexp won't match if start is trimmed
        let prev = src.substring(lc.lineStarts[line - 2], lc.lineStarts[line - 1]);
        if (prev.length > 80)
            prev = prev.substring(0, 79) + '…\n';
        lineStr = prev + lineStr;
    }
    if (/[^ ]/.test(lineStr)) {
        let count = 1;
        const end = error.linePos[1];
        if (end?.line === line && end.col > col) {
            count = Math.max(1, Math.min(end.col - col, 80 - ci));
        }
        const pointer = ' '.repeat(ci) + '^'.repeat(count);
        error.message += `:\n\n${lineStr}\n${pointer}\n`;
    }
};

exports.YAMLError = YAMLError;
exports.YAMLParseError = YAMLParseError;
exports.YAMLWarning = YAMLWarning;
exports.prettifyError = prettifyError;


/***/ }),

/***/ 8815:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

var __webpack_unused_export__;


var composer = __nccwpck_require__(9984);
var Document = __nccwpck_require__(3021);
var Schema = __nccwpck_require__(5840);
var errors = __nccwpck_require__(1464);
var Alias = __nccwpck_require__(4065);
var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var Scalar = __nccwpck_require__(3301);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var cst = __nccwpck_require__(3461);
var lexer = __nccwpck_require__(361);
var lineCounter = __nccwpck_require__(6628);
var parser = __nccwpck_require__(3456);
var publicApi = __nccwpck_require__(4047);
var visit = __nccwpck_require__(204);



__webpack_unused_export__ = composer.Composer;
__webpack_unused_export__ = Document.Document;
__webpack_unused_export__ = Schema.Schema;
__webpack_unused_export__ = errors.YAMLError;
__webpack_unused_export__ = errors.YAMLParseError;
__webpack_unused_export__ = errors.YAMLWarning;
__webpack_unused_export__ = Alias.Alias;
__webpack_unused_export__ = identity.isAlias;
__webpack_unused_export__ = identity.isCollection;
__webpack_unused_export__ = identity.isDocument;
exports.jh = identity.isMap;
__webpack_unused_export__ = identity.isNode;
__webpack_unused_export__ = identity.isPair;
exports.jn = identity.isScalar;
exports.oP = identity.isSeq;
__webpack_unused_export__ = Pair.Pair;
__webpack_unused_export__ = Scalar.Scalar;
__webpack_unused_export__ = YAMLMap.YAMLMap;
__webpack_unused_export__ = YAMLSeq.YAMLSeq;
__webpack_unused_export__ = cst;
__webpack_unused_export__ = lexer.Lexer;
exports.HN = lineCounter.LineCounter;
__webpack_unused_export__ = parser.Parser;
__webpack_unused_export__ = publicApi.parse;
__webpack_unused_export__ = publicApi.parseAllDocuments;
exports.Tp = publicApi.parseDocument;
__webpack_unused_export__ = publicApi.stringify;
__webpack_unused_export__ = visit.visit;
__webpack_unused_export__ = visit.visitAsync;


/***/ }),

/***/ 7249:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);

function debug(logLevel, ...messages) {
    if (logLevel === 'debug')
        console.log(...messages);
}
function warn(logLevel, warning) {
    if (logLevel === 'debug' || logLevel === 'warn') {
        if (typeof node_process.emitWarning === 'function')
            node_process.emitWarning(warning);
        else
            console.warn(warning);
    }
}

exports.debug = debug;
exports.warn = warn;


/***/ }),

/***/ 4065:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var anchors = __nccwpck_require__(1596);
var visit = __nccwpck_require__(204);
var identity = __nccwpck_require__(1127);
var Node = __nccwpck_require__(6673);
var toJS = __nccwpck_require__(4043);

class Alias extends Node.NodeBase {
    constructor(source) {
        super(identity.ALIAS);
        this.source = source;
        Object.defineProperty(this, 'tag', {
            set() {
                throw new Error('Alias nodes cannot have tags');
            }
        });
    }
    /**
     * Resolve the value of this alias within `doc`, finding the last
     * instance of the `source` anchor before this node.
     */
    resolve(doc, ctx) {
        if (ctx?.maxAliasCount === 0)
            throw new ReferenceError('Alias resolution is disabled');
        let nodes;
        if (ctx?.aliasResolveCache) {
            nodes = ctx.aliasResolveCache;
        }
        else {
            nodes = [];
            visit.visit(doc, {
                Node: (_key, node) => {
                    if (identity.isAlias(node) || identity.hasAnchor(node))
                        nodes.push(node);
                }
            });
            if (ctx)
                ctx.aliasResolveCache = nodes;
        }
        let found = undefined;
        for (const node of nodes) {
            if (node === this)
                break;
            if (node.anchor === this.source)
                found = node;
        }
        if (found && ctx) {
            const { anchors, doc, maxAliasCount } = ctx;
            let data = anchors.get(found);
            if (!data) {
                // Resolve anchors for Node.prototype.toJS()
                toJS.toJS(found, null, ctx);
                data = anchors.get(found);
            }
            /* istanbul ignore if */
            if (data?.res === undefined) {
                const msg = 'This should not happen: Alias anchor was not resolved?';
                throw new ReferenceError(msg);
            }
            if (maxAliasCount >= 0) {
                data.count += 1;
                if (data.aliasCount === 0)
                    data.aliasCount = getAliasCount(doc, found, anchors);
                if (data.count * data.aliasCount > maxAliasCount) {
                    const msg = 'Excessive alias count indicates a resource exhaustion attack';
                    throw new ReferenceError(msg);
                }
            }
        }
        return found;
    }
    toJSON(_arg, ctx) {
        if (!ctx)
            return { source: this.source };
        const source = this.resolve(ctx.doc, ctx);
        if (!source) {
            const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
            throw new ReferenceError(msg);
        }
        return ctx.anchors.get(source).res;
    }
    toString(ctx, _onComment, _onChompKeep) {
        const src = `*${this.source}`;
        if (ctx) {
            anchors.anchorIsValid(this.source);
            if (ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
                const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
                throw new Error(msg);
            }
            if (ctx.implicitKey)
                return `${src} `;
        }
        return src;
    }
}
function getAliasCount(doc, node, anchors) {
    if (identity.isAlias(node)) {
        const source = node.resolve(doc);
        const anchor = anchors && source && anchors.get(source);
        return anchor ? anchor.count * anchor.aliasCount : 0;
    }
    else if (identity.isCollection(node)) {
        let count = 0;
        for (const item of node.items) {
            const c = getAliasCount(doc, item, anchors);
            if (c > count)
                count = c;
        }
        return count;
    }
    else if (identity.isPair(node)) {
        const kc = getAliasCount(doc, node.key, anchors);
        const vc = getAliasCount(doc, node.value, anchors);
        return Math.max(kc, vc);
    }
    return 1;
}

exports.Alias = Alias;


/***/ }),

/***/ 101:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(2404);
var identity = __nccwpck_require__(1127);
var Node = __nccwpck_require__(6673);

function collectionFromPath(schema, path, value) {
    let v = value;
    for (let i = path.length - 1; i >= 0; --i) {
        const k = path[i];
        if (typeof k === 'number' && Number.isInteger(k) && k >= 0) {
            const a = [];
            a[k] = v;
            v = a;
        }
        else {
            v = new Map([[k, v]]);
        }
    }
    return createNode.createNode(v, undefined, {
        aliasDuplicateObjects: false,
        keepUndefined: false,
        onAnchor: () => {
            throw new Error('This should not happen, please report a bug.');
        },
        schema,
        sourceObjects: new Map()
    });
}
// Type guard is intentionally a little wrong so as to be more useful,
// as it does not cover untypable empty non-string iterables (e.g. []).
const isEmptyPath = (path) => path == null ||
    (typeof path === 'object' && !!path[Symbol.iterator]().next().done);
class Collection extends Node.NodeBase {
    constructor(type, schema) {
        super(type);
        Object.defineProperty(this, 'schema', {
            value: schema,
            configurable: true,
            enumerable: false,
            writable: true
        });
    }
    /**
     * Create a copy of this collection.
     *
     * @param schema - If defined, overwrites the original's schema
     */
    clone(schema) {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (schema)
            copy.schema = schema;
        copy.items = copy.items.map(it => identity.isNode(it) || identity.isPair(it) ? it.clone(schema) : it);
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /**
     * Adds a value to the collection. For `!!map` and `!!omap` the value must
     * be a Pair instance or a `{ key, value }` object, which may not have a key
     * that already exists in the map.
     */
    addIn(path, value) {
        if (isEmptyPath(path))
            this.add(value);
        else {
            const [key, ...rest] = path;
            const node = this.get(key, true);
            if (identity.isCollection(node))
                node.addIn(rest, value);
            else if (node === undefined && this.schema)
                this.set(key, collectionFromPath(this.schema, rest, value));
            else
                throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
    }
    /**
     * Removes a value from the collection.
     * @returns `true` if the item was found and removed.
     */
    deleteIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
            return this.delete(key);
        const node = this.get(key, true);
        if (identity.isCollection(node))
            return node.deleteIn(rest);
        else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
    }
    /**
     * Returns item at `key`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    getIn(path, keepScalar) {
        const [key, ...rest] = path;
        const node = this.get(key, true);
        if (rest.length === 0)
            return !keepScalar && identity.isScalar(node) ? node.value : node;
        else
            return identity.isCollection(node) ? node.getIn(rest, keepScalar) : undefined;
    }
    hasAllNullValues(allowScalar) {
        return this.items.every(node => {
            if (!identity.isPair(node))
                return false;
            const n = node.value;
            return (n == null ||
                (allowScalar &&
                    identity.isScalar(n) &&
                    n.value == null &&
                    !n.commentBefore &&
                    !n.comment &&
                    !n.tag));
        });
    }
    /**
     * Checks if the collection includes a value with the key `key`.
     */
    hasIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
            return this.has(key);
        const node = this.get(key, true);
        return identity.isCollection(node) ? node.hasIn(rest) : false;
    }
    /**
     * Sets a value in this collection. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    setIn(path, value) {
        const [key, ...rest] = path;
        if (rest.length === 0) {
            this.set(key, value);
        }
        else {
            const node = this.get(key, true);
            if (identity.isCollection(node))
                node.setIn(rest, value);
            else if (node === undefined && this.schema)
                this.set(key, collectionFromPath(this.schema, rest, value));
            else
                throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
    }
}

exports.Collection = Collection;
exports.collectionFromPath = collectionFromPath;
exports.isEmptyPath = isEmptyPath;


/***/ }),

/***/ 6673:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var applyReviver = __nccwpck_require__(3661);
var identity = __nccwpck_require__(1127);
var toJS = __nccwpck_require__(4043);

class NodeBase {
    constructor(type) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: type });
    }
    /** Create a copy of this node.  */
    clone() {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /** A plain JavaScript representation of this node. */
    toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        if (!identity.isDocument(doc))
            throw new TypeError('A document argument is required');
        const ctx = {
            anchors: new Map(),
            doc,
            keep: true,
            mapAsMap: mapAsMap === true,
            mapKeyWarned: false,
            maxAliasCount: typeof maxAliasCount === 'number' ? maxAliasCount : 100
        };
        const res = toJS.toJS(this, '', ctx);
        if (typeof onAnchor === 'function')
            for (const { count, res } of ctx.anchors.values())
                onAnchor(res, count);
        return typeof reviver === 'function'
            ? applyReviver.applyReviver(reviver, { '': res }, '', res)
            : res;
    }
}

exports.NodeBase = NodeBase;


/***/ }),

/***/ 7165:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(2404);
var stringifyPair = __nccwpck_require__(9748);
var addPairToJSMap = __nccwpck_require__(7104);
var identity = __nccwpck_require__(1127);

function createPair(key, value, ctx) {
    const k = createNode.createNode(key, undefined, ctx);
    const v = createNode.createNode(value, undefined, ctx);
    return new Pair(k, v);
}
class Pair {
    constructor(key, value = null) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.PAIR });
        this.key = key;
        this.value = value;
    }
    clone(schema) {
        let { key, value } = this;
        if (identity.isNode(key))
            key = key.clone(schema);
        if (identity.isNode(value))
            value = value.clone(schema);
        return new Pair(key, value);
    }
    toJSON(_, ctx) {
        const pair = ctx?.mapAsMap ? new Map() : {};
        return addPairToJSMap.addPairToJSMap(ctx, pair, this);
    }
    toString(ctx, onComment, onChompKeep) {
        return ctx?.doc
            ? stringifyPair.stringifyPair(this, ctx, onComment, onChompKeep)
            : JSON.stringify(this);
    }
}

exports.Pair = Pair;
exports.createPair = createPair;


/***/ }),

/***/ 3301:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Node = __nccwpck_require__(6673);
var toJS = __nccwpck_require__(4043);

const isScalarValue = (value) => !value || (typeof value !== 'function' && typeof value !== 'object');
class Scalar extends Node.NodeBase {
    constructor(value) {
        super(identity.SCALAR);
        this.value = value;
    }
    toJSON(arg, ctx) {
        return ctx?.keep ? this.value : toJS.toJS(this.value, arg, ctx);
    }
    toString() {
        return String(this.value);
    }
}
Scalar.BLOCK_FOLDED = 'BLOCK_FOLDED';
Scalar.BLOCK_LITERAL = 'BLOCK_LITERAL';
Scalar.PLAIN = 'PLAIN';
Scalar.QUOTE_DOUBLE = 'QUOTE_DOUBLE';
Scalar.QUOTE_SINGLE = 'QUOTE_SINGLE';

exports.Scalar = Scalar;
exports.isScalarValue = isScalarValue;


/***/ }),

/***/ 4454:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyCollection = __nccwpck_require__(1212);
var addPairToJSMap = __nccwpck_require__(7104);
var Collection = __nccwpck_require__(101);
var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var Scalar = __nccwpck_require__(3301);

function findPair(items, key) {
    const k = identity.isScalar(key) ? key.value : key;
    for (const it of items) {
        if (identity.isPair(it)) {
            if (it.key === key || it.key === k)
                return it;
            if (identity.isScalar(it.key) && it.key.value === k)
                return it;
        }
    }
    return undefined;
}
class YAMLMap extends Collection.Collection {
    static get tagName() {
        return 'tag:yaml.org,2002:map';
    }
    constructor(schema) {
        super(identity.MAP, schema);
        this.items = [];
    }
    /**
     * A generic collection parsing method that can be extended
     * to other node classes that inherit from YAMLMap
     */
    static from(schema, obj, ctx) {
        const { keepUndefined, replacer } = ctx;
        const map = new this(schema);
        const add = (key, value) => {
            if (typeof replacer === 'function')
                value = replacer.call(obj, key, value);
            else if (Array.isArray(replacer) && !replacer.includes(key))
                return;
            if (value !== undefined || keepUndefined)
                map.items.push(Pair.createPair(key, value, ctx));
        };
        if (obj instanceof Map) {
            for (const [key, value] of obj)
                add(key, value);
        }
        else if (obj && typeof obj === 'object') {
            for (const key of Object.keys(obj))
                add(key, obj[key]);
        }
        if (typeof schema.sortMapEntries === 'function') {
            map.items.sort(schema.sortMapEntries);
        }
        return map;
    }
    /**
     * Adds a value to the collection.
     *
     * @param overwrite - If not set `true`, using a key that is already in the
     *   collection will throw. Otherwise, overwrites the previous value.
     */
    add(pair, overwrite) {
        let _pair;
        if (identity.isPair(pair))
            _pair = pair;
        else if (!pair || typeof pair !== 'object' || !('key' in pair)) {
            // In TypeScript, this never happens.
            _pair = new Pair.Pair(pair, pair?.value);
        }
        else
            _pair = new Pair.Pair(pair.key, pair.value);
        const prev = findPair(this.items, _pair.key);
        const sortEntries = this.schema?.sortMapEntries;
        if (prev) {
            if (!overwrite)
                throw new Error(`Key ${_pair.key} already set`);
            // For scalars, keep the old node & its comments and anchors
            if (identity.isScalar(prev.value) && Scalar.isScalarValue(_pair.value))
                prev.value.value = _pair.value;
            else
                prev.value = _pair.value;
        }
        else if (sortEntries) {
            const i = this.items.findIndex(item => sortEntries(_pair, item) < 0);
            if (i === -1)
                this.items.push(_pair);
            else
                this.items.splice(i, 0, _pair);
        }
        else {
            this.items.push(_pair);
        }
    }
    delete(key) {
        const it = findPair(this.items, key);
        if (!it)
            return false;
        const del = this.items.splice(this.items.indexOf(it), 1);
        return del.length > 0;
    }
    get(key, keepScalar) {
        const it = findPair(this.items, key);
        const node = it?.value;
        return (!keepScalar && identity.isScalar(node) ? node.value : node) ?? undefined;
    }
    has(key) {
        return !!findPair(this.items, key);
    }
    set(key, value) {
        this.add(new Pair.Pair(key, value), true);
    }
    /**
     * @param ctx - Conversion context, originally set in Document#toJS()
     * @param {Class} Type - If set, forces the returned collection type
     * @returns Instance of Type, Map, or Object
     */
    toJSON(_, ctx, Type) {
        const map = Type ? new Type() : ctx?.mapAsMap ? new Map() : {};
        if (ctx?.onCreate)
            ctx.onCreate(map);
        for (const item of this.items)
            addPairToJSMap.addPairToJSMap(ctx, map, item);
        return map;
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        for (const item of this.items) {
            if (!identity.isPair(item))
                throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
        }
        if (!ctx.allNullValues && this.hasAllNullValues(false))
            ctx = Object.assign({}, ctx, { allNullValues: true });
        return stringifyCollection.stringifyCollection(this, ctx, {
            blockItemPrefix: '',
            flowChars: { start: '{', end: '}' },
            itemIndent: ctx.indent || '',
            onChompKeep,
            onComment
        });
    }
}

exports.YAMLMap = YAMLMap;
exports.findPair = findPair;


/***/ }),

/***/ 2223:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(2404);
var stringifyCollection = __nccwpck_require__(1212);
var Collection = __nccwpck_require__(101);
var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var toJS = __nccwpck_require__(4043);

class YAMLSeq extends Collection.Collection {
    static get tagName() {
        return 'tag:yaml.org,2002:seq';
    }
    constructor(schema) {
        super(identity.SEQ, schema);
        this.items = [];
    }
    add(value) {
        this.items.push(value);
    }
    /**
     * Removes a value from the collection.
     *
     * `key` must contain a representation of an integer for this to succeed.
     * It may be wrapped in a `Scalar`.
     *
     * @returns `true` if the item was found and removed.
     */
    delete(key) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            return false;
        const del = this.items.splice(idx, 1);
        return del.length > 0;
    }
    get(key, keepScalar) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            return undefined;
        const it = this.items[idx];
        return !keepScalar && identity.isScalar(it) ? it.value : it;
    }
    /**
     * Checks if the collection includes a value with the key `key`.
     *
     * `key` must contain a representation of an integer for this to succeed.
     * It may be wrapped in a `Scalar`.
     */
    has(key) {
        const idx = asItemIndex(key);
        return typeof idx === 'number' && idx < this.items.length;
    }
    /**
     * Sets a value in this collection. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     *
     * If `key` does not contain a representation of an integer, this will throw.
     * It may be wrapped in a `Scalar`.
     */
    set(key, value) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            throw new Error(`Expected a valid index, not ${key}.`);
        const prev = this.items[idx];
        if (identity.isScalar(prev) && Scalar.isScalarValue(value))
            prev.value = value;
        else
            this.items[idx] = value;
    }
    toJSON(_, ctx) {
        const seq = [];
        if (ctx?.onCreate)
            ctx.onCreate(seq);
        let i = 0;
        for (const item of this.items)
            seq.push(toJS.toJS(item, String(i++), ctx));
        return seq;
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        return stringifyCollection.stringifyCollection(this, ctx, {
            blockItemPrefix: '- ',
            flowChars: { start: '[', end: ']' },
            itemIndent: (ctx.indent || '') + '  ',
            onChompKeep,
            onComment
        });
    }
    static from(schema, obj, ctx) {
        const { replacer } = ctx;
        const seq = new this(schema);
        if (obj && Symbol.iterator in Object(obj)) {
            let i = 0;
            for (let it of obj) {
                if (typeof replacer === 'function') {
                    const key = obj instanceof Set ? it : String(i++);
                    it = replacer.call(obj, key, it);
                }
                seq.items.push(createNode.createNode(it, undefined, ctx));
            }
        }
        return seq;
    }
}
function asItemIndex(key) {
    let idx = identity.isScalar(key) ? key.value : key;
    if (idx && typeof idx === 'string')
        idx = Number(idx);
    return typeof idx === 'number' && Number.isInteger(idx) && idx >= 0
        ? idx
        : null;
}

exports.YAMLSeq = YAMLSeq;


/***/ }),

/***/ 7104:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var log = __nccwpck_require__(7249);
var merge = __nccwpck_require__(452);
var stringify = __nccwpck_require__(2148);
var identity = __nccwpck_require__(1127);
var toJS = __nccwpck_require__(4043);

function addPairToJSMap(ctx, map, { key, value }) {
    if (identity.isNode(key) && key.addToJSMap)
        key.addToJSMap(ctx, map, value);
    // TODO: Should drop this special case for bare << handling
    else if (merge.isMergeKey(ctx, key))
        merge.addMergeToJSMap(ctx, map, value);
    else {
        const jsKey = toJS.toJS(key, '', ctx);
        if (map instanceof Map) {
            map.set(jsKey, toJS.toJS(value, jsKey, ctx));
        }
        else if (map instanceof Set) {
            map.add(jsKey);
        }
        else {
            const stringKey = stringifyKey(key, jsKey, ctx);
            const jsValue = toJS.toJS(value, stringKey, ctx);
            if (stringKey in map)
                Object.defineProperty(map, stringKey, {
                    value: jsValue,
                    writable: true,
                    enumerable: true,
                    configurable: true
                });
            else
                map[stringKey] = jsValue;
        }
    }
    return map;
}
function stringifyKey(key, jsKey, ctx) {
    if (jsKey === null)
        return '';
    // eslint-disable-next-line @typescript-eslint/no-base-to-string
    if (typeof jsKey !== 'object')
        return String(jsKey);
    if (identity.isNode(key) && ctx?.doc) {
        const strCtx = stringify.createStringifyContext(ctx.doc, {});
        strCtx.anchors = new Set();
        for (const node of ctx.anchors.keys())
            strCtx.anchors.add(node.anchor);
        strCtx.inFlow = true;
        strCtx.inStringifyKey = true;
        const strKey = key.toString(strCtx);
        if (!ctx.mapKeyWarned) {
            let jsonStr = JSON.stringify(strKey);
            if (jsonStr.length > 40)
                jsonStr = jsonStr.substring(0, 36) + '..."';
            log.warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
            ctx.mapKeyWarned = true;
        }
        return strKey;
    }
    return JSON.stringify(jsKey);
}

exports.addPairToJSMap = addPairToJSMap;


/***/ }),

/***/ 1127:
/***/ ((__unused_webpack_module, exports) => {



const ALIAS = Symbol.for('yaml.alias');
const DOC = Symbol.for('yaml.document');
const MAP = Symbol.for('yaml.map');
const PAIR = Symbol.for('yaml.pair');
const SCALAR = Symbol.for('yaml.scalar');
const SEQ = Symbol.for('yaml.seq');
const NODE_TYPE = Symbol.for('yaml.node.type');
const isAlias = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === ALIAS;
const isDocument = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === DOC;
const isMap = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === MAP;
const isPair = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === PAIR;
const isScalar = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === SCALAR;
const isSeq = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === SEQ;
function isCollection(node) {
    if (node && typeof node === 'object')
        switch (node[NODE_TYPE]) {
            case MAP:
            case SEQ:
                return true;
        }
    return false;
}
function isNode(node) {
    if (node && typeof node === 'object')
        switch (node[NODE_TYPE]) {
            case ALIAS:
            case MAP:
            case SCALAR:
            case SEQ:
                return true;
        }
    return false;
}
const hasAnchor = (node) => (isScalar(node) || isCollection(node)) && !!node.anchor;

exports.ALIAS = ALIAS;
exports.DOC = DOC;
exports.MAP = MAP;
exports.NODE_TYPE = NODE_TYPE;
exports.PAIR = PAIR;
exports.SCALAR = SCALAR;
exports.SEQ = SEQ;
exports.hasAnchor = hasAnchor;
exports.isAlias = isAlias;
exports.isCollection = isCollection;
exports.isDocument = isDocument;
exports.isMap = isMap;
exports.isNode = isNode;
exports.isPair = isPair;
exports.isScalar = isScalar;
exports.isSeq = isSeq;


/***/ }),

/***/ 4043:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);

/**
 * Recursively convert any node or its contents to native JavaScript
 *
 * @param value - The input value
 * @param arg - If `value` defines a `toJSON()` method, use this
 *   as its first argument
 * @param ctx - Conversion context, originally set in Document#toJS(). If
 *   `{ keep: true }` is not set, output should be suitable for JSON
 *   stringification.
 */
function toJS(value, arg, ctx) {
    // eslint-disable-next-line @typescript-eslint/no-unsafe-return
    if (Array.isArray(value))
        return value.map((v, i) => toJS(v, String(i), ctx));
    if (value && typeof value.toJSON === 'function') {
        // eslint-disable-next-line @typescript-eslint/no-unsafe-call
        if (!ctx || !identity.hasAnchor(value))
            return value.toJSON(arg, ctx);
        const data = { aliasCount: 0, count: 1, res: undefined };
        ctx.anchors.set(value, data);
        ctx.onCreate = res => {
            data.res = res;
            delete ctx.onCreate;
        };
        const res = value.toJSON(arg, ctx);
        if (ctx.onCreate)
            ctx.onCreate(res);
        return res;
    }
    if (typeof value === 'bigint' && !ctx?.keep)
        return Number(value);
    return value;
}

exports.toJS = toJS;


/***/ }),

/***/ 110:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var resolveBlockScalar = __nccwpck_require__(8913);
var resolveFlowScalar = __nccwpck_require__(6842);
var errors = __nccwpck_require__(1464);
var stringifyString = __nccwpck_require__(3069);

function resolveAsScalar(token, strict = true, onError) {
    if (token) {
        const _onError = (pos, code, message) => {
            const offset = typeof pos === 'number' ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
            if (onError)
                onError(offset, code, message);
            else
                throw new errors.YAMLParseError([offset, offset + 1], code, message);
        };
        switch (token.type) {
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return resolveFlowScalar.resolveFlowScalar(token, strict, _onError);
            case 'block-scalar':
                return resolveBlockScalar.resolveBlockScalar({ options: { strict } }, token, _onError);
        }
    }
    return null;
}
/**
 * Create a new scalar token with `value`
 *
 * Values that represent an actual string but may be parsed as a different type should use a `type` other than `'PLAIN'`,
 * as this function does not support any schema operations and won't check for such conflicts.
 *
 * @param value The string representation of the value, which will have its content properly indented.
 * @param context.end Comments and whitespace after the end of the value, or after the block scalar header. If undefined, a newline will be added.
 * @param context.implicitKey Being within an implicit key may affect the resolved type of the token's value.
 * @param context.indent The indent level of the token.
 * @param context.inFlow Is this scalar within a flow collection? This may affect the resolved type of the token's value.
 * @param context.offset The offset position of the token.
 * @param context.type The preferred type of the scalar token. If undefined, the previous type of the `token` will be used, defaulting to `'PLAIN'`.
 */
function createScalarToken(value, context) {
    const { implicitKey = false, indent, inFlow = false, offset = -1, type = 'PLAIN' } = context;
    const source = stringifyString.stringifyString({ type, value }, {
        implicitKey,
        indent: indent > 0 ? ' '.repeat(indent) : '',
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
    });
    const end = context.end ?? [
        { type: 'newline', offset: -1, indent, source: '\n' }
    ];
    switch (source[0]) {
        case '|':
        case '>': {
            const he = source.indexOf('\n');
            const head = source.substring(0, he);
            const body = source.substring(he + 1) + '\n';
            const props = [
                { type: 'block-scalar-header', offset, indent, source: head }
            ];
            if (!addEndtoBlockProps(props, end))
                props.push({ type: 'newline', offset: -1, indent, source: '\n' });
            return { type: 'block-scalar', offset, indent, props, source: body };
        }
        case '"':
            return { type: 'double-quoted-scalar', offset, indent, source, end };
        case "'":
            return { type: 'single-quoted-scalar', offset, indent, source, end };
        default:
            return { type: 'scalar', offset, indent, source, end };
    }
}
/**
 * Set the value of `token` to the given string `value`, overwriting any previous contents and type that it may have.
 *
 * Best efforts are made to retain any comments previously associated with the `token`,
 * though all contents within a collection's `items` will be overwritten.
 *
 * Values that represent an actual string but may be parsed as a different type should use a `type` other than `'PLAIN'`,
 * as this function does not support any schema operations and won't check for such conflicts.
 *
 * @param token Any token. If it does not include an `indent` value, the value will be stringified as if it were an implicit key.
 * @param value The string representation of the value, which will have its content properly indented.
 * @param context.afterKey In most cases, values after a key should have an additional level of indentation.
 * @param context.implicitKey Being within an implicit key may affect the resolved type of the token's value.
 * @param context.inFlow Being within a flow collection may affect the resolved type of the token's value.
 * @param context.type The preferred type of the scalar token. If undefined, the previous type of the `token` will be used, defaulting to `'PLAIN'`.
 */
function setScalarValue(token, value, context = {}) {
    let { afterKey = false, implicitKey = false, inFlow = false, type } = context;
    let indent = 'indent' in token ? token.indent : null;
    if (afterKey && typeof indent === 'number')
        indent += 2;
    if (!type)
        switch (token.type) {
            case 'single-quoted-scalar':
                type = 'QUOTE_SINGLE';
                break;
            case 'double-quoted-scalar':
                type = 'QUOTE_DOUBLE';
                break;
            case 'block-scalar': {
                const header = token.props[0];
                if (header.type !== 'block-scalar-header')
                    throw new Error('Invalid block scalar header');
                type = header.source[0] === '>' ? 'BLOCK_FOLDED' : 'BLOCK_LITERAL';
                break;
            }
            default:
                type = 'PLAIN';
        }
    const source = stringifyString.stringifyString({ type, value }, {
        implicitKey: implicitKey || indent === null,
        indent: indent !== null && indent > 0 ? ' '.repeat(indent) : '',
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
    });
    switch (source[0]) {
        case '|':
        case '>':
            setBlockScalarValue(token, source);
            break;
        case '"':
            setFlowScalarValue(token, source, 'double-quoted-scalar');
            break;
        case "'":
            setFlowScalarValue(token, source, 'single-quoted-scalar');
            break;
        default:
            setFlowScalarValue(token, source, 'scalar');
    }
}
function setBlockScalarValue(token, source) {
    const he = source.indexOf('\n');
    const head = source.substring(0, he);
    const body = source.substring(he + 1) + '\n';
    if (token.type === 'block-scalar') {
        const header = token.props[0];
        if (header.type !== 'block-scalar-header')
            throw new Error('Invalid block scalar header');
        header.source = head;
        token.source = body;
    }
    else {
        const { offset } = token;
        const indent = 'indent' in token ? token.indent : -1;
        const props = [
            { type: 'block-scalar-header', offset, indent, source: head }
        ];
        if (!addEndtoBlockProps(props, 'end' in token ? token.end : undefined))
            props.push({ type: 'newline', offset: -1, indent, source: '\n' });
        for (const key of Object.keys(token))
            if (key !== 'type' && key !== 'offset')
                delete token[key];
        Object.assign(token, { type: 'block-scalar', indent, props, source: body });
    }
}
/** @returns `true` if last token is a newline */
function addEndtoBlockProps(props, end) {
    if (end)
        for (const st of end)
            switch (st.type) {
                case 'space':
                case 'comment':
                    props.push(st);
                    break;
                case 'newline':
                    props.push(st);
                    return true;
            }
    return false;
}
function setFlowScalarValue(token, source, type) {
    switch (token.type) {
        case 'scalar':
        case 'double-quoted-scalar':
        case 'single-quoted-scalar':
            token.type = type;
            token.source = source;
            break;
        case 'block-scalar': {
            const end = token.props.slice(1);
            let oa = source.length;
            if (token.props[0].type === 'block-scalar-header')
                oa -= token.props[0].source.length;
            for (const tok of end)
                tok.offset += oa;
            delete token.props;
            Object.assign(token, { type, source, end });
            break;
        }
        case 'block-map':
        case 'block-seq': {
            const offset = token.offset + source.length;
            const nl = { type: 'newline', offset, indent: token.indent, source: '\n' };
            delete token.items;
            Object.assign(token, { type, source, end: [nl] });
            break;
        }
        default: {
            const indent = 'indent' in token ? token.indent : -1;
            const end = 'end' in token && Array.isArray(token.end)
                ? token.end.filter(st => st.type === 'space' ||
                    st.type === 'comment' ||
                    st.type === 'newline')
                : [];
            for (const key of Object.keys(token))
                if (key !== 'type' && key !== 'offset')
                    delete token[key];
            Object.assign(token, { type, indent, source, end });
        }
    }
}

exports.createScalarToken = createScalarToken;
exports.resolveAsScalar = resolveAsScalar;
exports.setScalarValue = setScalarValue;


/***/ }),

/***/ 1733:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Stringify a CST document, token, or collection item
 *
 * Fair warning: This applies no validation whatsoever, and
 * simply concatenates the sources in their logical order.
 */
const stringify = (cst) => 'type' in cst ? stringifyToken(cst) : stringifyItem(cst);
function stringifyToken(token) {
    switch (token.type) {
        case 'block-scalar': {
            let res = '';
            for (const tok of token.props)
                res += stringifyToken(tok);
            return res + token.source;
        }
        case 'block-map':
        case 'block-seq': {
            let res = '';
            for (const item of token.items)
                res += stringifyItem(item);
            return res;
        }
        case 'flow-collection': {
            let res = token.start.source;
            for (const item of token.items)
                res += stringifyItem(item);
            for (const st of token.end)
                res += st.source;
            return res;
        }
        case 'document': {
            let res = stringifyItem(token);
            if (token.end)
                for (const st of token.end)
                    res += st.source;
            return res;
        }
        default: {
            let res = token.source;
            if ('end' in token && token.end)
                for (const st of token.end)
                    res += st.source;
            return res;
        }
    }
}
function stringifyItem({ start, key, sep, value }) {
    let res = '';
    for (const st of start)
        res += st.source;
    if (key)
        res += stringifyToken(key);
    if (sep)
        for (const st of sep)
            res += st.source;
    if (value)
        res += stringifyToken(value);
    return res;
}

exports.stringify = stringify;


/***/ }),

/***/ 7715:
/***/ ((__unused_webpack_module, exports) => {



const BREAK = Symbol('break visit');
const SKIP = Symbol('skip children');
const REMOVE = Symbol('remove item');
/**
 * Apply a visitor to a CST document or item.
 *
 * Walks through the tree (depth-first) starting from the root, calling a
 * `visitor` function with two arguments when entering each item:
 *   - `item`: The current item, which included the following members:
 *     - `start: SourceToken[]` – Source tokens before the key or value,
 *       possibly including its anchor or tag.
 *     - `key?: Token | null` – Set for pair values. May then be `null`, if
 *       the key before the `:` separator is empty.
 *     - `sep?: SourceToken[]` – Source tokens between the key and the value,
 *       which should include the `:` map value indicator if `value` is set.
 *     - `value?: Token` – The value of a sequence item, or of a map pair.
 *   - `path`: The steps from the root to the current node, as an array of
 *     `['key' | 'value', number]` tuples.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this token, continue with
 *      next sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current item, then continue with the next one
 *   - `number`: Set the index of the next step. This is useful especially if
 *     the index of the current token has changed.
 *   - `function`: Define the next visitor for this item. After the original
 *     visitor is called on item entry, next visitors are called after handling
 *     a non-empty `key` and when exiting the item.
 */
function visit(cst, visitor) {
    if ('type' in cst && cst.type === 'document')
        cst = { start: cst.start, value: cst.value };
    _visit(Object.freeze([]), cst, visitor);
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visit.BREAK = BREAK;
/** Do not visit the children of the current item */
visit.SKIP = SKIP;
/** Remove the current item */
visit.REMOVE = REMOVE;
/** Find the item at `path` from `cst` as the root */
visit.itemAtPath = (cst, path) => {
    let item = cst;
    for (const [field, index] of path) {
        const tok = item?.[field];
        if (tok && 'items' in tok) {
            item = tok.items[index];
        }
        else
            return undefined;
    }
    return item;
};
/**
 * Get the immediate parent collection of the item at `path` from `cst` as the root.
 *
 * Throws an error if the collection is not found, which should never happen if the item itself exists.
 */
visit.parentCollection = (cst, path) => {
    const parent = visit.itemAtPath(cst, path.slice(0, -1));
    const field = path[path.length - 1][0];
    const coll = parent?.[field];
    if (coll && 'items' in coll)
        return coll;
    throw new Error('Parent collection not found');
};
function _visit(path, item, visitor) {
    let ctrl = visitor(item, path);
    if (typeof ctrl === 'symbol')
        return ctrl;
    for (const field of ['key', 'value']) {
        const token = item[field];
        if (token && 'items' in token) {
            for (let i = 0; i < token.items.length; ++i) {
                const ci = _visit(Object.freeze(path.concat([[field, i]])), token.items[i], visitor);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    token.items.splice(i, 1);
                    i -= 1;
                }
            }
            if (typeof ctrl === 'function' && field === 'key')
                ctrl = ctrl(item, path);
        }
    }
    return typeof ctrl === 'function' ? ctrl(item, path) : ctrl;
}

exports.visit = visit;


/***/ }),

/***/ 3461:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var cstScalar = __nccwpck_require__(110);
var cstStringify = __nccwpck_require__(1733);
var cstVisit = __nccwpck_require__(7715);

/** The byte order mark */
const BOM = '\u{FEFF}';
/** Start of doc-mode */
const DOCUMENT = '\x02'; // C0: Start of Text
/** Unexpected end of flow-mode */
const FLOW_END = '\x18'; // C0: Cancel
/** Next token is a scalar value */
const SCALAR = '\x1f'; // C0: Unit Separator
/** @returns `true` if `token` is a flow or block collection */
const isCollection = (token) => !!token && 'items' in token;
/** @returns `true` if `token` is a flow or block scalar; not an alias */
const isScalar = (token) => !!token &&
    (token.type === 'scalar' ||
        token.type === 'single-quoted-scalar' ||
        token.type === 'double-quoted-scalar' ||
        token.type === 'block-scalar');
/* istanbul ignore next */
/** Get a printable representation of a lexer token */
function prettyToken(token) {
    switch (token) {
        case BOM:
            return '<BOM>';
        case DOCUMENT:
            return '<DOC>';
        case FLOW_END:
            return '<FLOW_END>';
        case SCALAR:
            return '<SCALAR>';
        default:
            return JSON.stringify(token);
    }
}
/** Identify the type of a lexer token. May return `null` for unknown tokens. */
function tokenType(source) {
    switch (source) {
        case BOM:
            return 'byte-order-mark';
        case DOCUMENT:
            return 'doc-mode';
        case FLOW_END:
            return 'flow-error-end';
        case SCALAR:
            return 'scalar';
        case '---':
            return 'doc-start';
        case '...':
            return 'doc-end';
        case '':
        case '\n':
        case '\r\n':
            return 'newline';
        case '-':
            return 'seq-item-ind';
        case '?':
            return 'explicit-key-ind';
        case ':':
            return 'map-value-ind';
        case '{':
            return 'flow-map-start';
        case '}':
            return 'flow-map-end';
        case '[':
            return 'flow-seq-start';
        case ']':
            return 'flow-seq-end';
        case ',':
            return 'comma';
    }
    switch (source[0]) {
        case ' ':
        case '\t':
            return 'space';
        case '#':
            return 'comment';
        case '%':
            return 'directive-line';
        case '*':
            return 'alias';
        case '&':
            return 'anchor';
        case '!':
            return 'tag';
        case "'":
            return 'single-quoted-scalar';
        case '"':
            return 'double-quoted-scalar';
        case '|':
        case '>':
            return 'block-scalar-header';
    }
    return null;
}

exports.createScalarToken = cstScalar.createScalarToken;
exports.resolveAsScalar = cstScalar.resolveAsScalar;
exports.setScalarValue = cstScalar.setScalarValue;
exports.stringify = cstStringify.stringify;
exports.visit = cstVisit.visit;
exports.BOM = BOM;
exports.DOCUMENT = DOCUMENT;
exports.FLOW_END = FLOW_END;
exports.SCALAR = SCALAR;
exports.isCollection = isCollection;
exports.isScalar = isScalar;
exports.prettyToken = prettyToken;
exports.tokenType = tokenType;


/***/ }),

/***/ 361:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var cst = __nccwpck_require__(3461);

/*
START -> stream

stream
  directive -> line-end -> stream
  indent + line-end -> stream
  [else] -> line-start

line-end
  comment -> line-end
  newline -> .
  input-end -> END

line-start
  doc-start -> doc
  doc-end -> stream
  [else] -> indent -> block-start

block-start
  seq-item-start -> block-start
  explicit-key-start -> block-start
  map-value-start -> block-start
  [else] -> doc

doc
  line-end -> line-start
  spaces -> doc
  anchor -> doc
  tag -> doc
  flow-start -> flow -> doc
  flow-end -> error -> doc
  seq-item-start -> error -> doc
  explicit-key-start -> error -> doc
  map-value-start -> doc
  alias -> doc
  quote-start -> quoted-scalar -> doc
  block-scalar-header -> line-end -> block-scalar(min) -> line-start
  [else] -> plain-scalar(false, min) -> doc

flow
  line-end -> flow
  spaces -> flow
  anchor -> flow
  tag -> flow
  flow-start -> flow -> flow
  flow-end -> .
  seq-item-start -> error -> flow
  explicit-key-start -> flow
  map-value-start -> flow
  alias -> flow
  quote-start -> quoted-scalar -> flow
  comma -> flow
  [else] -> plain-scalar(true, 0) -> flow

quoted-scalar
  quote-end -> .
  [else] -> quoted-scalar

block-scalar(min)
  newline + peek(indent < min) -> .
  [else] -> block-scalar(min)

plain-scalar(is-flow, min)
  scalar-end(is-flow) -> .
  peek(newline + (indent < min)) -> .
  [else] -> plain-scalar(min)
*/
function isEmpty(ch) {
    switch (ch) {
        case undefined:
        case ' ':
        case '\n':
        case '\r':
        case '\t':
            return true;
        default:
            return false;
    }
}
const hexDigits = new Set('0123456789ABCDEFabcdef');
const tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
const flowIndicatorChars = new Set(',[]{}');
const invalidAnchorChars = new Set(' ,[]{}\n\r\t');
const isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
/**
 * Splits an input string into lexical tokens, i.e. smaller strings that are
 * easily identifiable by `tokens.tokenType()`.
 *
 * Lexing starts always in a "stream" context. Incomplete input may be buffered
 * until a complete token can be emitted.
 *
 * In addition to slices of the original input, the following control characters
 * may also be emitted:
 *
 * - `\x02` (Start of Text): A document starts with the next token
 * - `\x18` (Cancel): Unexpected end of flow-mode (indicates an error)
 * - `\x1f` (Unit Separator): Next token is a scalar value
 * - `\u{FEFF}` (Byte order mark): Emitted separately outside documents
 */
class Lexer {
    constructor() {
        /**
         * Flag indicating whether the end of the current buffer marks the end of
         * all input
         */
        this.atEnd = false;
        /**
         * Explicit indent set in block scalar header, as an offset from the current
         * minimum indent, so e.g. set to 1 from a header `|2+`. Set to -1 if not
         * explicitly set.
         */
        this.blockScalarIndent = -1;
        /**
         * Block scalars that include a + (keep) chomping indicator in their header
         * include trailing empty lines, which are otherwise excluded from the
         * scalar's contents.
         */
        this.blockScalarKeep = false;
        /** Current input */
        this.buffer = '';
        /**
         * Flag noting whether the map value indicator : can immediately follow this
         * node within a flow context.
         */
        this.flowKey = false;
        /** Count of surrounding flow collection levels. */
        this.flowLevel = 0;
        /**
         * Minimum level of indentation required for next lines to be parsed as a
         * part of the current scalar value.
         */
        this.indentNext = 0;
        /** Indentation level of the current line. */
        this.indentValue = 0;
        /** Position of the next \n character. */
        this.lineEndPos = null;
        /** Stores the state of the lexer if reaching the end of incpomplete input */
        this.next = null;
        /** A pointer to `buffer`; the current position of the lexer. */
        this.pos = 0;
    }
    /**
     * Generate YAML tokens from the `source` string. If `incomplete`,
     * a part of the last line may be left as a buffer for the next call.
     *
     * @returns A generator of lexical tokens
     */
    *lex(source, incomplete = false) {
        if (source) {
            if (typeof source !== 'string')
                throw TypeError('source is not a string');
            this.buffer = this.buffer ? this.buffer + source : source;
            this.lineEndPos = null;
        }
        this.atEnd = !incomplete;
        let next = this.next ?? 'stream';
        while (next && (incomplete || this.hasChars(1)))
            next = yield* this.parseNext(next);
    }
    atLineEnd() {
        let i = this.pos;
        let ch = this.buffer[i];
        while (ch === ' ' || ch === '\t')
            ch = this.buffer[++i];
        if (!ch || ch === '#' || ch === '\n')
            return true;
        if (ch === '\r')
            return this.buffer[i + 1] === '\n';
        return false;
    }
    charAt(n) {
        return this.buffer[this.pos + n];
    }
    continueScalar(offset) {
        let ch = this.buffer[offset];
        if (this.indentNext > 0) {
            let indent = 0;
            while (ch === ' ')
                ch = this.buffer[++indent + offset];
            if (ch === '\r') {
                const next = this.buffer[indent + offset + 1];
                if (next === '\n' || (!next && !this.atEnd))
                    return offset + indent + 1;
            }
            return ch === '\n' || indent >= this.indentNext || (!ch && !this.atEnd)
                ? offset + indent
                : -1;
        }
        if (ch === '-' || ch === '.') {
            const dt = this.buffer.substr(offset, 3);
            if ((dt === '---' || dt === '...') && isEmpty(this.buffer[offset + 3]))
                return -1;
        }
        return offset;
    }
    getLine() {
        let end = this.lineEndPos;
        if (typeof end !== 'number' || (end !== -1 && end < this.pos)) {
            end = this.buffer.indexOf('\n', this.pos);
            this.lineEndPos = end;
        }
        if (end === -1)
            return this.atEnd ? this.buffer.substring(this.pos) : null;
        if (this.buffer[end - 1] === '\r')
            end -= 1;
        return this.buffer.substring(this.pos, end);
    }
    hasChars(n) {
        return this.pos + n <= this.buffer.length;
    }
    setNext(state) {
        this.buffer = this.buffer.substring(this.pos);
        this.pos = 0;
        this.lineEndPos = null;
        this.next = state;
        return null;
    }
    peek(n) {
        return this.buffer.substr(this.pos, n);
    }
    *parseNext(next) {
        switch (next) {
            case 'stream':
                return yield* this.parseStream();
            case 'line-start':
                return yield* this.parseLineStart();
            case 'block-start':
                return yield* this.parseBlockStart();
            case 'doc':
                return yield* this.parseDocument();
            case 'flow':
                return yield* this.parseFlowCollection();
            case 'quoted-scalar':
                return yield* this.parseQuotedScalar();
            case 'block-scalar':
                return yield* this.parseBlockScalar();
            case 'plain-scalar':
                return yield* this.parsePlainScalar();
        }
    }
    *parseStream() {
        let line = this.getLine();
        if (line === null)
            return this.setNext('stream');
        if (line[0] === cst.BOM) {
            yield* this.pushCount(1);
            line = line.substring(1);
        }
        if (line[0] === '%') {
            let dirEnd = line.length;
            let cs = line.indexOf('#');
            while (cs !== -1) {
                const ch = line[cs - 1];
                if (ch === ' ' || ch === '\t') {
                    dirEnd = cs - 1;
                    break;
                }
                else {
                    cs = line.indexOf('#', cs + 1);
                }
            }
            while (true) {
                const ch = line[dirEnd - 1];
                if (ch === ' ' || ch === '\t')
                    dirEnd -= 1;
                else
                    break;
            }
            const n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
            yield* this.pushCount(line.length - n); // possible comment
            this.pushNewline();
            return 'stream';
        }
        if (this.atLineEnd()) {
            const sp = yield* this.pushSpaces(true);
            yield* this.pushCount(line.length - sp);
            yield* this.pushNewline();
            return 'stream';
        }
        yield cst.DOCUMENT;
        return yield* this.parseLineStart();
    }
    *parseLineStart() {
        const ch = this.charAt(0);
        if (!ch && !this.atEnd)
            return this.setNext('line-start');
        if (ch === '-' || ch === '.') {
            if (!this.atEnd && !this.hasChars(4))
                return this.setNext('line-start');
            const s = this.peek(3);
            if ((s === '---' || s === '...') && isEmpty(this.charAt(3))) {
                yield* this.pushCount(3);
                this.indentValue = 0;
                this.indentNext = 0;
                return s === '---' ? 'doc' : 'stream';
            }
        }
        this.indentValue = yield* this.pushSpaces(false);
        if (this.indentNext > this.indentValue && !isEmpty(this.charAt(1)))
            this.indentNext = this.indentValue;
        return yield* this.parseBlockStart();
    }
    *parseBlockStart() {
        const [ch0, ch1] = this.peek(2);
        if (!ch1 && !this.atEnd)
            return this.setNext('block-start');
        if ((ch0 === '-' || ch0 === '?' || ch0 === ':') && isEmpty(ch1)) {
            const n = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
            this.indentNext = this.indentValue + 1;
            this.indentValue += n;
            return 'block-start';
        }
        return 'doc';
    }
    *parseDocument() {
        yield* this.pushSpaces(true);
        const line = this.getLine();
        if (line === null)
            return this.setNext('doc');
        let n = yield* this.pushIndicators();
        switch (line[n]) {
            case '#':
                yield* this.pushCount(line.length - n);
            // fallthrough
            case undefined:
                yield* this.pushNewline();
                return yield* this.parseLineStart();
            case '{':
            case '[':
                yield* this.pushCount(1);
                this.flowKey = false;
                this.flowLevel = 1;
                return 'flow';
            case '}':
            case ']':
                // this is an error
                yield* this.pushCount(1);
                return 'doc';
            case '*':
                yield* this.pushUntil(isNotAnchorChar);
                return 'doc';
            case '"':
            case "'":
                return yield* this.parseQuotedScalar();
            case '|':
            case '>':
                n += yield* this.parseBlockScalarHeader();
                n += yield* this.pushSpaces(true);
                yield* this.pushCount(line.length - n);
                yield* this.pushNewline();
                return yield* this.parseBlockScalar();
            default:
                return yield* this.parsePlainScalar();
        }
    }
    *parseFlowCollection() {
        let nl, sp;
        let indent = -1;
        do {
            nl = yield* this.pushNewline();
            if (nl > 0) {
                sp = yield* this.pushSpaces(false);
                this.indentValue = indent = sp;
            }
            else {
                sp = 0;
            }
            sp += yield* this.pushSpaces(true);
        } while (nl + sp > 0);
        const line = this.getLine();
        if (line === null)
            return this.setNext('flow');
        if ((indent !== -1 && indent < this.indentNext && line[0] !== '#') ||
            (indent === 0 &&
                (line.startsWith('---') || line.startsWith('...')) &&
                isEmpty(line[3]))) {
            // Allowing for the terminal ] or } at the same (rather than greater)
            // indent level as the initial [ or { is technically invalid, but
            // failing here would be surprising to users.
            const atFlowEndMarker = indent === this.indentNext - 1 &&
                this.flowLevel === 1 &&
                (line[0] === ']' || line[0] === '}');
            if (!atFlowEndMarker) {
                // this is an error
                this.flowLevel = 0;
                yield cst.FLOW_END;
                return yield* this.parseLineStart();
            }
        }
        let n = 0;
        while (line[n] === ',') {
            n += yield* this.pushCount(1);
            n += yield* this.pushSpaces(true);
            this.flowKey = false;
        }
        n += yield* this.pushIndicators();
        switch (line[n]) {
            case undefined:
                return 'flow';
            case '#':
                yield* this.pushCount(line.length - n);
                return 'flow';
            case '{':
            case '[':
                yield* this.pushCount(1);
                this.flowKey = false;
                this.flowLevel += 1;
                return 'flow';
            case '}':
            case ']':
                yield* this.pushCount(1);
                this.flowKey = true;
                this.flowLevel -= 1;
                return this.flowLevel ? 'flow' : 'doc';
            case '*':
                yield* this.pushUntil(isNotAnchorChar);
                return 'flow';
            case '"':
            case "'":
                this.flowKey = true;
                return yield* this.parseQuotedScalar();
            case ':': {
                const next = this.charAt(1);
                if (this.flowKey || isEmpty(next) || next === ',') {
                    this.flowKey = false;
                    yield* this.pushCount(1);
                    yield* this.pushSpaces(true);
                    return 'flow';
                }
            }
            // fallthrough
            default:
                this.flowKey = false;
                return yield* this.parsePlainScalar();
        }
    }
    *parseQuotedScalar() {
        const quote = this.charAt(0);
        let end = this.buffer.indexOf(quote, this.pos + 1);
        if (quote === "'") {
            while (end !== -1 && this.buffer[end + 1] === "'")
                end = this.buffer.indexOf("'", end + 2);
        }
        else {
            // double-quote
            while (end !== -1) {
                let n = 0;
                while (this.buffer[end - 1 - n] === '\\')
                    n += 1;
                if (n % 2 === 0)
                    break;
                end = this.buffer.indexOf('"', end + 1);
            }
        }
        // Only looking for newlines within the quotes
        const qb = this.buffer.substring(0, end);
        let nl = qb.indexOf('\n', this.pos);
        if (nl !== -1) {
            while (nl !== -1) {
                const cs = this.continueScalar(nl + 1);
                if (cs === -1)
                    break;
                nl = qb.indexOf('\n', cs);
            }
            if (nl !== -1) {
                // this is an error caused by an unexpected unindent
                end = nl - (qb[nl - 1] === '\r' ? 2 : 1);
            }
        }
        if (end === -1) {
            if (!this.atEnd)
                return this.setNext('quoted-scalar');
            end = this.buffer.length;
        }
        yield* this.pushToIndex(end + 1, false);
        return this.flowLevel ? 'flow' : 'doc';
    }
    *parseBlockScalarHeader() {
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        let i = this.pos;
        while (true) {
            const ch = this.buffer[++i];
            if (ch === '+')
                this.blockScalarKeep = true;
            else if (ch > '0' && ch <= '9')
                this.blockScalarIndent = Number(ch) - 1;
            else if (ch !== '-')
                break;
        }
        return yield* this.pushUntil(ch => isEmpty(ch) || ch === '#');
    }
    *parseBlockScalar() {
        let nl = this.pos - 1; // may be -1 if this.pos === 0
        let indent = 0;
        let ch;
        loop: for (let i = this.pos; (ch = this.buffer[i]); ++i) {
            switch (ch) {
                case ' ':
                    indent += 1;
                    break;
                case '\n':
                    nl = i;
                    indent = 0;
                    break;
                case '\r': {
                    const next = this.buffer[i + 1];
                    if (!next && !this.atEnd)
                        return this.setNext('block-scalar');
                    if (next === '\n')
                        break;
                } // fallthrough
                default:
                    break loop;
            }
        }
        if (!ch && !this.atEnd)
            return this.setNext('block-scalar');
        if (indent >= this.indentNext) {
            if (this.blockScalarIndent === -1)
                this.indentNext = indent;
            else {
                this.indentNext =
                    this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
            }
            do {
                const cs = this.continueScalar(nl + 1);
                if (cs === -1)
                    break;
                nl = this.buffer.indexOf('\n', cs);
            } while (nl !== -1);
            if (nl === -1) {
                if (!this.atEnd)
                    return this.setNext('block-scalar');
                nl = this.buffer.length;
            }
        }
        // Trailing insufficiently indented tabs are invalid.
        // To catch that during parsing, we include them in the block scalar value.
        let i = nl + 1;
        ch = this.buffer[i];
        while (ch === ' ')
            ch = this.buffer[++i];
        if (ch === '\t') {
            while (ch === '\t' || ch === ' ' || ch === '\r' || ch === '\n')
                ch = this.buffer[++i];
            nl = i - 1;
        }
        else if (!this.blockScalarKeep) {
            do {
                let i = nl - 1;
                let ch = this.buffer[i];
                if (ch === '\r')
                    ch = this.buffer[--i];
                const lastChar = i; // Drop the line if last char not more indented
                while (ch === ' ')
                    ch = this.buffer[--i];
                if (ch === '\n' && i >= this.pos && i + 1 + indent > lastChar)
                    nl = i;
                else
                    break;
            } while (true);
        }
        yield cst.SCALAR;
        yield* this.pushToIndex(nl + 1, true);
        return yield* this.parseLineStart();
    }
    *parsePlainScalar() {
        const inFlow = this.flowLevel > 0;
        let end = this.pos - 1;
        let i = this.pos - 1;
        let ch;
        while ((ch = this.buffer[++i])) {
            if (ch === ':') {
                const next = this.buffer[i + 1];
                if (isEmpty(next) || (inFlow && flowIndicatorChars.has(next)))
                    break;
                end = i;
            }
            else if (isEmpty(ch)) {
                let next = this.buffer[i + 1];
                if (ch === '\r') {
                    if (next === '\n') {
                        i += 1;
                        ch = '\n';
                        next = this.buffer[i + 1];
                    }
                    else
                        end = i;
                }
                if (next === '#' || (inFlow && flowIndicatorChars.has(next)))
                    break;
                if (ch === '\n') {
                    const cs = this.continueScalar(i + 1);
                    if (cs === -1)
                        break;
                    i = Math.max(i, cs - 2); // to advance, but still account for ' #'
                }
            }
            else {
                if (inFlow && flowIndicatorChars.has(ch))
                    break;
                end = i;
            }
        }
        if (!ch && !this.atEnd)
            return this.setNext('plain-scalar');
        yield cst.SCALAR;
        yield* this.pushToIndex(end + 1, true);
        return inFlow ? 'flow' : 'doc';
    }
    *pushCount(n) {
        if (n > 0) {
            yield this.buffer.substr(this.pos, n);
            this.pos += n;
            return n;
        }
        return 0;
    }
    *pushToIndex(i, allowEmpty) {
        const s = this.buffer.slice(this.pos, i);
        if (s) {
            yield s;
            this.pos += s.length;
            return s.length;
        }
        else if (allowEmpty)
            yield '';
        return 0;
    }
    *pushIndicators() {
        let n = 0;
        loop: while (true) {
            switch (this.charAt(0)) {
                case '!':
                    n += yield* this.pushTag();
                    n += yield* this.pushSpaces(true);
                    continue loop;
                case '&':
                    n += yield* this.pushUntil(isNotAnchorChar);
                    n += yield* this.pushSpaces(true);
                    continue loop;
                case '-': // this is an error
                case '?': // this is an error outside flow collections
                case ':': {
                    const inFlow = this.flowLevel > 0;
                    const ch1 = this.charAt(1);
                    if (isEmpty(ch1) || (inFlow && flowIndicatorChars.has(ch1))) {
                        if (!inFlow)
                            this.indentNext = this.indentValue + 1;
                        else if (this.flowKey)
                            this.flowKey = false;
                        n += yield* this.pushCount(1);
                        n += yield* this.pushSpaces(true);
                        continue loop;
                    }
                }
            }
            break loop;
        }
        return n;
    }
    *pushTag() {
        if (this.charAt(1) === '<') {
            let i = this.pos + 2;
            let ch = this.buffer[i];
            while (!isEmpty(ch) && ch !== '>')
                ch = this.buffer[++i];
            return yield* this.pushToIndex(ch === '>' ? i + 1 : i, false);
        }
        else {
            let i = this.pos + 1;
            let ch = this.buffer[i];
            while (ch) {
                if (tagChars.has(ch))
                    ch = this.buffer[++i];
                else if (ch === '%' &&
                    hexDigits.has(this.buffer[i + 1]) &&
                    hexDigits.has(this.buffer[i + 2])) {
                    ch = this.buffer[(i += 3)];
                }
                else
                    break;
            }
            return yield* this.pushToIndex(i, false);
        }
    }
    *pushNewline() {
        const ch = this.buffer[this.pos];
        if (ch === '\n')
            return yield* this.pushCount(1);
        else if (ch === '\r' && this.charAt(1) === '\n')
            return yield* this.pushCount(2);
        else
            return 0;
    }
    *pushSpaces(allowTabs) {
        let i = this.pos - 1;
        let ch;
        do {
            ch = this.buffer[++i];
        } while (ch === ' ' || (allowTabs && ch === '\t'));
        const n = i - this.pos;
        if (n > 0) {
            yield this.buffer.substr(this.pos, n);
            this.pos = i;
        }
        return n;
    }
    *pushUntil(test) {
        let i = this.pos;
        let ch = this.buffer[i];
        while (!test(ch))
            ch = this.buffer[++i];
        return yield* this.pushToIndex(i, false);
    }
}

exports.Lexer = Lexer;


/***/ }),

/***/ 6628:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Tracks newlines during parsing in order to provide an efficient API for
 * determining the one-indexed `{ line, col }` position for any offset
 * within the input.
 */
class LineCounter {
    constructor() {
        this.lineStarts = [];
        /**
         * Should be called in ascending order. Otherwise, call
         * `lineCounter.lineStarts.sort()` before calling `linePos()`.
         */
        this.addNewLine = (offset) => this.lineStarts.push(offset);
        /**
         * Performs a binary search and returns the 1-indexed { line, col }
         * position of `offset`. If `line === 0`, `addNewLine` has never been
         * called or `offset` is before the first known newline.
         */
        this.linePos = (offset) => {
            let low = 0;
            let high = this.lineStarts.length;
            while (low < high) {
                const mid = (low + high) >> 1; // Math.floor((low + high) / 2)
                if (this.lineStarts[mid] < offset)
                    low = mid + 1;
                else
                    high = mid;
            }
            if (this.lineStarts[low] === offset)
                return { line: low + 1, col: 1 };
            if (low === 0)
                return { line: 0, col: offset };
            const start = this.lineStarts[low - 1];
            return { line: low, col: offset - start + 1 };
        };
    }
}

exports.LineCounter = LineCounter;


/***/ }),

/***/ 3456:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);
var cst = __nccwpck_require__(3461);
var lexer = __nccwpck_require__(361);

function includesToken(list, type) {
    for (let i = 0; i < list.length; ++i)
        if (list[i].type === type)
            return true;
    return false;
}
function findNonEmptyIndex(list) {
    for (let i = 0; i < list.length; ++i) {
        switch (list[i].type) {
            case 'space':
            case 'comment':
            case 'newline':
                break;
            default:
                return i;
        }
    }
    return -1;
}
function isFlowToken(token) {
    switch (token?.type) {
        case 'alias':
        case 'scalar':
        case 'single-quoted-scalar':
        case 'double-quoted-scalar':
        case 'flow-collection':
            return true;
        default:
            return false;
    }
}
function getPrevProps(parent) {
    switch (parent.type) {
        case 'document':
            return parent.start;
        case 'block-map': {
            const it = parent.items[parent.items.length - 1];
            return it.sep ?? it.start;
        }
        case 'block-seq':
            return parent.items[parent.items.length - 1].start;
        /* istanbul ignore next should not happen */
        default:
            return [];
    }
}
/** Note: May modify input array */
function getFirstKeyStartProps(prev) {
    if (prev.length === 0)
        return [];
    let i = prev.length;
    loop: while (--i >= 0) {
        switch (prev[i].type) {
            case 'doc-start':
            case 'explicit-key-ind':
            case 'map-value-ind':
            case 'seq-item-ind':
            case 'newline':
                break loop;
        }
    }
    while (prev[++i]?.type === 'space') {
        /* loop */
    }
    return prev.splice(i, prev.length);
}
function arrayPushArray(target, source) {
    // May exhaust call stack with large `source` array
    if (source.length < 1e5)
        Array.prototype.push.apply(target, source);
    else
        for (let i = 0; i < source.length; ++i)
            target.push(source[i]);
}
function fixFlowSeqItems(fc) {
    if (fc.start.type === 'flow-seq-start') {
        for (const it of fc.items) {
            if (it.sep &&
                !it.value &&
                !includesToken(it.start, 'explicit-key-ind') &&
                !includesToken(it.sep, 'map-value-ind')) {
                if (it.key)
                    it.value = it.key;
                delete it.key;
                if (isFlowToken(it.value)) {
                    if (it.value.end)
                        arrayPushArray(it.value.end, it.sep);
                    else
                        it.value.end = it.sep;
                }
                else
                    arrayPushArray(it.start, it.sep);
                delete it.sep;
            }
        }
    }
}
/**
 * A YAML concrete syntax tree (CST) parser
 *
 * ```ts
 * const src: string = ...
 * for (const token of new Parser().parse(src)) {
 *   // token: Token
 * }
 * ```
 *
 * To use the parser with a user-provided lexer:
 *
 * ```ts
 * function* parse(source: string, lexer: Lexer) {
 *   const parser = new Parser()
 *   for (const lexeme of lexer.lex(source))
 *     yield* parser.next(lexeme)
 *   yield* parser.end()
 * }
 *
 * const src: string = ...
 * const lexer = new Lexer()
 * for (const token of parse(src, lexer)) {
 *   // token: Token
 * }
 * ```
 */
class Parser {
    /**
     * @param onNewLine - If defined, called separately with the start position of
     *   each new line (in `parse()`, including the start of input).
     */
    constructor(onNewLine) {
        /** If true, space and sequence indicators count as indentation */
        this.atNewLine = true;
        /** If true, next token is a scalar value */
        this.atScalar = false;
        /** Current indentation level */
        this.indent = 0;
        /** Current offset since the start of parsing */
        this.offset = 0;
        /** On the same line with a block map key */
        this.onKeyLine = false;
        /** Top indicates the node that's currently being built */
        this.stack = [];
        /** The source of the current token, set in parse() */
        this.source = '';
        /** The type of the current token, set in parse() */
        this.type = '';
        // Must be defined after `next()`
        this.lexer = new lexer.Lexer();
        this.onNewLine = onNewLine;
    }
    /**
     * Parse `source` as a YAML stream.
     * If `incomplete`, a part of the last line may be left as a buffer for the next call.
     *
     * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
     *
     * @returns A generator of tokens representing each directive, document, and other structure.
     */
    *parse(source, incomplete = false) {
        if (this.onNewLine && this.offset === 0)
            this.onNewLine(0);
        for (const lexeme of this.lexer.lex(source, incomplete))
            yield* this.next(lexeme);
        if (!incomplete)
            yield* this.end();
    }
    /**
     * Advance the parser by the `source` of one lexical token.
     */
    *next(source) {
        this.source = source;
        if (node_process.env.LOG_TOKENS)
            console.log('|', cst.prettyToken(source));
        if (this.atScalar) {
            this.atScalar = false;
            yield* this.step();
            this.offset += source.length;
            return;
        }
        const type = cst.tokenType(source);
        if (!type) {
            const message = `Not a YAML token: ${source}`;
            yield* this.pop({ type: 'error', offset: this.offset, message, source });
            this.offset += source.length;
        }
        else if (type === 'scalar') {
            this.atNewLine = false;
            this.atScalar = true;
            this.type = 'scalar';
        }
        else {
            this.type = type;
            yield* this.step();
            switch (type) {
                case 'newline':
                    this.atNewLine = true;
                    this.indent = 0;
                    if (this.onNewLine)
                        this.onNewLine(this.offset + source.length);
                    break;
                case 'space':
                    if (this.atNewLine && source[0] === ' ')
                        this.indent += source.length;
                    break;
                case 'explicit-key-ind':
                case 'map-value-ind':
                case 'seq-item-ind':
                    if (this.atNewLine)
                        this.indent += source.length;
                    break;
                case 'doc-mode':
                case 'flow-error-end':
                    return;
                default:
                    this.atNewLine = false;
            }
            this.offset += source.length;
        }
    }
    /** Call at end of input to push out any remaining constructions */
    *end() {
        while (this.stack.length > 0)
            yield* this.pop();
    }
    get sourceToken() {
        const st = {
            type: this.type,
            offset: this.offset,
            indent: this.indent,
            source: this.source
        };
        return st;
    }
    *step() {
        const top = this.peek(1);
        if (this.type === 'doc-end' && top?.type !== 'doc-end') {
            while (this.stack.length > 0)
                yield* this.pop();
            this.stack.push({
                type: 'doc-end',
                offset: this.offset,
                source: this.source
            });
            return;
        }
        if (!top)
            return yield* this.stream();
        switch (top.type) {
            case 'document':
                return yield* this.document(top);
            case 'alias':
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return yield* this.scalar(top);
            case 'block-scalar':
                return yield* this.blockScalar(top);
            case 'block-map':
                return yield* this.blockMap(top);
            case 'block-seq':
                return yield* this.blockSequence(top);
            case 'flow-collection':
                return yield* this.flowCollection(top);
            case 'doc-end':
                return yield* this.documentEnd(top);
        }
        /* istanbul ignore next should not happen */
        yield* this.pop();
    }
    peek(n) {
        return this.stack[this.stack.length - n];
    }
    *pop(error) {
        const token = error ?? this.stack.pop();
        /* istanbul ignore if should not happen */
        if (!token) {
            const message = 'Tried to pop an empty stack';
            yield { type: 'error', offset: this.offset, source: '', message };
        }
        else if (this.stack.length === 0) {
            yield token;
        }
        else {
            const top = this.peek(1);
            if (token.type === 'block-scalar') {
                // Block scalars use their parent rather than header indent
                token.indent = 'indent' in top ? top.indent : 0;
            }
            else if (token.type === 'flow-collection' && top.type === 'document') {
                // Ignore all indent for top-level flow collections
                token.indent = 0;
            }
            if (token.type === 'flow-collection')
                fixFlowSeqItems(token);
            switch (top.type) {
                case 'document':
                    top.value = token;
                    break;
                case 'block-scalar':
                    top.props.push(token); // error
                    break;
                case 'block-map': {
                    const it = top.items[top.items.length - 1];
                    if (it.value) {
                        top.items.push({ start: [], key: token, sep: [] });
                        this.onKeyLine = true;
                        return;
                    }
                    else if (it.sep) {
                        it.value = token;
                    }
                    else {
                        Object.assign(it, { key: token, sep: [] });
                        this.onKeyLine = !it.explicitKey;
                        return;
                    }
                    break;
                }
                case 'block-seq': {
                    const it = top.items[top.items.length - 1];
                    if (it.value)
                        top.items.push({ start: [], value: token });
                    else
                        it.value = token;
                    break;
                }
                case 'flow-collection': {
                    const it = top.items[top.items.length - 1];
                    if (!it || it.value)
                        top.items.push({ start: [], key: token, sep: [] });
                    else if (it.sep)
                        it.value = token;
                    else
                        Object.assign(it, { key: token, sep: [] });
                    return;
                }
                /* istanbul ignore next should not happen */
                default:
                    yield* this.pop();
                    yield* this.pop(token);
            }
            if ((top.type === 'document' ||
                top.type === 'block-map' ||
                top.type === 'block-seq') &&
                (token.type === 'block-map' || token.type === 'block-seq')) {
                const last = token.items[token.items.length - 1];
                if (last &&
                    !last.sep &&
                    !last.value &&
                    last.start.length > 0 &&
                    findNonEmptyIndex(last.start) === -1 &&
                    (token.indent === 0 ||
                        last.start.every(st => st.type !== 'comment' || st.indent < token.indent))) {
                    if (top.type === 'document')
                        top.end = last.start;
                    else
                        top.items.push({ start: last.start });
                    token.items.splice(-1, 1);
                }
            }
        }
    }
    *stream() {
        switch (this.type) {
            case 'directive-line':
                yield { type: 'directive', offset: this.offset, source: this.source };
                return;
            case 'byte-order-mark':
            case 'space':
            case 'comment':
            case 'newline':
                yield this.sourceToken;
                return;
            case 'doc-mode':
            case 'doc-start': {
                const doc = {
                    type: 'document',
                    offset: this.offset,
                    start: []
                };
                if (this.type === 'doc-start')
                    doc.start.push(this.sourceToken);
                this.stack.push(doc);
                return;
            }
        }
        yield {
            type: 'error',
            offset: this.offset,
            message: `Unexpected ${this.type} token in YAML stream`,
            source: this.source
        };
    }
    *document(doc) {
        if (doc.value)
            return yield* this.lineEnd(doc);
        switch (this.type) {
            case 'doc-start': {
                if (findNonEmptyIndex(doc.start) !== -1) {
                    yield* this.pop();
                    yield* this.step();
                }
                else
                    doc.start.push(this.sourceToken);
                return;
            }
            case 'anchor':
            case 'tag':
            case 'space':
            case 'comment':
            case 'newline':
                doc.start.push(this.sourceToken);
                return;
        }
        const bv = this.startBlockValue(doc);
        if (bv)
            this.stack.push(bv);
        else {
            yield {
                type: 'error',
                offset: this.offset,
                message: `Unexpected ${this.type} token in YAML document`,
                source: this.source
            };
        }
    }
    *scalar(scalar) {
        if (this.type === 'map-value-ind') {
            const prev = getPrevProps(this.peek(2));
            const start = getFirstKeyStartProps(prev);
            let sep;
            if (scalar.end) {
                sep = scalar.end;
                sep.push(this.sourceToken);
                delete scalar.end;
            }
            else
                sep = [this.sourceToken];
            const map = {
                type: 'block-map',
                offset: scalar.offset,
                indent: scalar.indent,
                items: [{ start, key: scalar, sep }]
            };
            this.onKeyLine = true;
            this.stack[this.stack.length - 1] = map;
        }
        else
            yield* this.lineEnd(scalar);
    }
    *blockScalar(scalar) {
        switch (this.type) {
            case 'space':
            case 'comment':
            case 'newline':
                scalar.props.push(this.sourceToken);
                return;
            case 'scalar':
                scalar.source = this.source;
                // block-scalar source includes trailing newline
                this.atNewLine = true;
                this.indent = 0;
                if (this.onNewLine) {
                    let nl = this.source.indexOf('\n') + 1;
                    while (nl !== 0) {
                        this.onNewLine(this.offset + nl);
                        nl = this.source.indexOf('\n', nl) + 1;
                    }
                }
                yield* this.pop();
                break;
            /* istanbul ignore next should not happen */
            default:
                yield* this.pop();
                yield* this.step();
        }
    }
    *blockMap(map) {
        const it = map.items[map.items.length - 1];
        // it.sep is true-ish if pair already has key or : separator
        switch (this.type) {
            case 'newline':
                this.onKeyLine = false;
                if (it.value) {
                    const end = 'end' in it.value ? it.value.end : undefined;
                    const last = Array.isArray(end) ? end[end.length - 1] : undefined;
                    if (last?.type === 'comment')
                        end?.push(this.sourceToken);
                    else
                        map.items.push({ start: [this.sourceToken] });
                }
                else if (it.sep) {
                    it.sep.push(this.sourceToken);
                }
                else {
                    it.start.push(this.sourceToken);
                }
                return;
            case 'space':
            case 'comment':
                if (it.value) {
                    map.items.push({ start: [this.sourceToken] });
                }
                else if (it.sep) {
                    it.sep.push(this.sourceToken);
                }
                else {
                    if (this.atIndentedComment(it.start, map.indent)) {
                        const prev = map.items[map.items.length - 2];
                        const end = prev?.value?.end;
                        if (Array.isArray(end)) {
                            arrayPushArray(end, it.start);
                            end.push(this.sourceToken);
                            map.items.pop();
                            return;
                        }
                    }
                    it.start.push(this.sourceToken);
                }
                return;
        }
        if (this.indent >= map.indent) {
            const atMapIndent = !this.onKeyLine && this.indent === map.indent;
            const atNextItem = atMapIndent &&
                (it.sep || it.explicitKey) &&
                this.type !== 'seq-item-ind';
            // For empty nodes, assign newline-separated not indented empty tokens to following node
            let start = [];
            if (atNextItem && it.sep && !it.value) {
                const nl = [];
                for (let i = 0; i < it.sep.length; ++i) {
                    const st = it.sep[i];
                    switch (st.type) {
                        case 'newline':
                            nl.push(i);
                            break;
                        case 'space':
                            break;
                        case 'comment':
                            if (st.indent > map.indent)
                                nl.length = 0;
                            break;
                        default:
                            nl.length = 0;
                    }
                }
                if (nl.length >= 2)
                    start = it.sep.splice(nl[1]);
            }
            switch (this.type) {
                case 'anchor':
                case 'tag':
                    if (atNextItem || it.value) {
                        start.push(this.sourceToken);
                        map.items.push({ start });
                        this.onKeyLine = true;
                    }
                    else if (it.sep) {
                        it.sep.push(this.sourceToken);
                    }
                    else {
                        it.start.push(this.sourceToken);
                    }
                    return;
                case 'explicit-key-ind':
                    if (!it.sep && !it.explicitKey) {
                        it.start.push(this.sourceToken);
                        it.explicitKey = true;
                    }
                    else if (atNextItem || it.value) {
                        start.push(this.sourceToken);
                        map.items.push({ start, explicitKey: true });
                    }
                    else {
                        this.stack.push({
                            type: 'block-map',
                            offset: this.offset,
                            indent: this.indent,
                            items: [{ start: [this.sourceToken], explicitKey: true }]
                        });
                    }
                    this.onKeyLine = true;
                    return;
                case 'map-value-ind':
                    if (it.explicitKey) {
                        if (!it.sep) {
                            if (includesToken(it.start, 'newline')) {
                                Object.assign(it, { key: null, sep: [this.sourceToken] });
                            }
                            else {
                                const start = getFirstKeyStartProps(it.start);
                                this.stack.push({
                                    type: 'block-map',
                                    offset: this.offset,
                                    indent: this.indent,
                                    items: [{ start, key: null, sep: [this.sourceToken] }]
                                });
                            }
                        }
                        else if (it.value) {
                            map.items.push({ start: [], key: null, sep: [this.sourceToken] });
                        }
                        else if (includesToken(it.sep, 'map-value-ind')) {
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start, key: null, sep: [this.sourceToken] }]
                            });
                        }
                        else if (isFlowToken(it.key) &&
                            !includesToken(it.sep, 'newline')) {
                            const start = getFirstKeyStartProps(it.start);
                            const key = it.key;
                            const sep = it.sep;
                            sep.push(this.sourceToken);
                            // @ts-expect-error type guard is wrong here
                            delete it.key;
                            // @ts-expect-error type guard is wrong here
                            delete it.sep;
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start, key, sep }]
                            });
                        }
                        else if (start.length > 0) {
                            // Not actually at next item
                            it.sep = it.sep.concat(start, this.sourceToken);
                        }
                        else {
                            it.sep.push(this.sourceToken);
                        }
                    }
                    else {
                        if (!it.sep) {
                            Object.assign(it, { key: null, sep: [this.sourceToken] });
                        }
                        else if (it.value || atNextItem) {
                            map.items.push({ start, key: null, sep: [this.sourceToken] });
                        }
                        else if (includesToken(it.sep, 'map-value-ind')) {
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start: [], key: null, sep: [this.sourceToken] }]
                            });
                        }
                        else {
                            it.sep.push(this.sourceToken);
                        }
                    }
                    this.onKeyLine = true;
                    return;
                case 'alias':
                case 'scalar':
                case 'single-quoted-scalar':
                case 'double-quoted-scalar': {
                    const fs = this.flowScalar(this.type);
                    if (atNextItem || it.value) {
                        map.items.push({ start, key: fs, sep: [] });
                        this.onKeyLine = true;
                    }
                    else if (it.sep) {
                        this.stack.push(fs);
                    }
                    else {
                        Object.assign(it, { key: fs, sep: [] });
                        this.onKeyLine = true;
                    }
                    return;
                }
                default: {
                    const bv = this.startBlockValue(map);
                    if (bv) {
                        if (bv.type === 'block-seq') {
                            if (!it.explicitKey &&
                                it.sep &&
                                !includesToken(it.sep, 'newline')) {
                                yield* this.pop({
                                    type: 'error',
                                    offset: this.offset,
                                    message: 'Unexpected block-seq-ind on same line with key',
                                    source: this.source
                                });
                                return;
                            }
                        }
                        else if (atMapIndent) {
                            map.items.push({ start });
                        }
                        this.stack.push(bv);
                        return;
                    }
                }
            }
        }
        yield* this.pop();
        yield* this.step();
    }
    *blockSequence(seq) {
        const it = seq.items[seq.items.length - 1];
        switch (this.type) {
            case 'newline':
                if (it.value) {
                    const end = 'end' in it.value ? it.value.end : undefined;
                    const last = Array.isArray(end) ? end[end.length - 1] : undefined;
                    if (last?.type === 'comment')
                        end?.push(this.sourceToken);
                    else
                        seq.items.push({ start: [this.sourceToken] });
                }
                else
                    it.start.push(this.sourceToken);
                return;
            case 'space':
            case 'comment':
                if (it.value)
                    seq.items.push({ start: [this.sourceToken] });
                else {
                    if (this.atIndentedComment(it.start, seq.indent)) {
                        const prev = seq.items[seq.items.length - 2];
                        const end = prev?.value?.end;
                        if (Array.isArray(end)) {
                            arrayPushArray(end, it.start);
                            end.push(this.sourceToken);
                            seq.items.pop();
                            return;
                        }
                    }
                    it.start.push(this.sourceToken);
                }
                return;
            case 'anchor':
            case 'tag':
                if (it.value || this.indent <= seq.indent)
                    break;
                it.start.push(this.sourceToken);
                return;
            case 'seq-item-ind':
                if (this.indent !== seq.indent)
                    break;
                if (it.value || includesToken(it.start, 'seq-item-ind'))
                    seq.items.push({ start: [this.sourceToken] });
                else
                    it.start.push(this.sourceToken);
                return;
        }
        if (this.indent > seq.indent) {
            const bv = this.startBlockValue(seq);
            if (bv) {
                this.stack.push(bv);
                return;
            }
        }
        yield* this.pop();
        yield* this.step();
    }
    *flowCollection(fc) {
        const it = fc.items[fc.items.length - 1];
        if (this.type === 'flow-error-end') {
            let top;
            do {
                yield* this.pop();
                top = this.peek(1);
            } while (top?.type === 'flow-collection');
        }
        else if (fc.end.length === 0) {
            switch (this.type) {
                case 'comma':
                case 'explicit-key-ind':
                    if (!it || it.sep)
                        fc.items.push({ start: [this.sourceToken] });
                    else
                        it.start.push(this.sourceToken);
                    return;
                case 'map-value-ind':
                    if (!it || it.value)
                        fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
                    else if (it.sep)
                        it.sep.push(this.sourceToken);
                    else
                        Object.assign(it, { key: null, sep: [this.sourceToken] });
                    return;
                case 'space':
                case 'comment':
                case 'newline':
                case 'anchor':
                case 'tag':
                    if (!it || it.value)
                        fc.items.push({ start: [this.sourceToken] });
                    else if (it.sep)
                        it.sep.push(this.sourceToken);
                    else
                        it.start.push(this.sourceToken);
                    return;
                case 'alias':
                case 'scalar':
                case 'single-quoted-scalar':
                case 'double-quoted-scalar': {
                    const fs = this.flowScalar(this.type);
                    if (!it || it.value)
                        fc.items.push({ start: [], key: fs, sep: [] });
                    else if (it.sep)
                        this.stack.push(fs);
                    else
                        Object.assign(it, { key: fs, sep: [] });
                    return;
                }
                case 'flow-map-end':
                case 'flow-seq-end':
                    fc.end.push(this.sourceToken);
                    return;
            }
            const bv = this.startBlockValue(fc);
            /* istanbul ignore else should not happen */
            if (bv)
                this.stack.push(bv);
            else {
                yield* this.pop();
                yield* this.step();
            }
        }
        else {
            const parent = this.peek(2);
            if (parent.type === 'block-map' &&
                ((this.type === 'map-value-ind' && parent.indent === fc.indent) ||
                    (this.type === 'newline' &&
                        !parent.items[parent.items.length - 1].sep))) {
                yield* this.pop();
                yield* this.step();
            }
            else if (this.type === 'map-value-ind' &&
                parent.type !== 'flow-collection') {
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                fixFlowSeqItems(fc);
                const sep = fc.end.splice(1, fc.end.length);
                sep.push(this.sourceToken);
                const map = {
                    type: 'block-map',
                    offset: fc.offset,
                    indent: fc.indent,
                    items: [{ start, key: fc, sep }]
                };
                this.onKeyLine = true;
                this.stack[this.stack.length - 1] = map;
            }
            else {
                yield* this.lineEnd(fc);
            }
        }
    }
    flowScalar(type) {
        if (this.onNewLine) {
            let nl = this.source.indexOf('\n') + 1;
            while (nl !== 0) {
                this.onNewLine(this.offset + nl);
                nl = this.source.indexOf('\n', nl) + 1;
            }
        }
        return {
            type,
            offset: this.offset,
            indent: this.indent,
            source: this.source
        };
    }
    startBlockValue(parent) {
        switch (this.type) {
            case 'alias':
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return this.flowScalar(this.type);
            case 'block-scalar-header':
                return {
                    type: 'block-scalar',
                    offset: this.offset,
                    indent: this.indent,
                    props: [this.sourceToken],
                    source: ''
                };
            case 'flow-map-start':
            case 'flow-seq-start':
                return {
                    type: 'flow-collection',
                    offset: this.offset,
                    indent: this.indent,
                    start: this.sourceToken,
                    items: [],
                    end: []
                };
            case 'seq-item-ind':
                return {
                    type: 'block-seq',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: [this.sourceToken] }]
                };
            case 'explicit-key-ind': {
                this.onKeyLine = true;
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                start.push(this.sourceToken);
                return {
                    type: 'block-map',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, explicitKey: true }]
                };
            }
            case 'map-value-ind': {
                this.onKeyLine = true;
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                return {
                    type: 'block-map',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, key: null, sep: [this.sourceToken] }]
                };
            }
        }
        return null;
    }
    atIndentedComment(start, indent) {
        if (this.type !== 'comment')
            return false;
        if (this.indent <= indent)
            return false;
        return start.every(st => st.type === 'newline' || st.type === 'space');
    }
    *documentEnd(docEnd) {
        if (this.type !== 'doc-mode') {
            if (docEnd.end)
                docEnd.end.push(this.sourceToken);
            else
                docEnd.end = [this.sourceToken];
            if (this.type === 'newline')
                yield* this.pop();
        }
    }
    *lineEnd(token) {
        switch (this.type) {
            case 'comma':
            case 'doc-start':
            case 'doc-end':
            case 'flow-seq-end':
            case 'flow-map-end':
            case 'map-value-ind':
                yield* this.pop();
                yield* this.step();
                break;
            case 'newline':
                this.onKeyLine = false;
            // fallthrough
            case 'space':
            case 'comment':
            default:
                // all other values are errors
                if (token.end)
                    token.end.push(this.sourceToken);
                else
                    token.end = [this.sourceToken];
                if (this.type === 'newline')
                    yield* this.pop();
        }
    }
}

exports.Parser = Parser;


/***/ }),

/***/ 4047:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var composer = __nccwpck_require__(9984);
var Document = __nccwpck_require__(3021);
var errors = __nccwpck_require__(1464);
var log = __nccwpck_require__(7249);
var identity = __nccwpck_require__(1127);
var lineCounter = __nccwpck_require__(6628);
var parser = __nccwpck_require__(3456);

function parseOptions(options) {
    const prettyErrors = options.prettyErrors !== false;
    const lineCounter$1 = options.lineCounter || (prettyErrors && new lineCounter.LineCounter()) || null;
    return { lineCounter: lineCounter$1, prettyErrors };
}
/**
 * Parse the input as a stream of YAML documents.
 *
 * Documents should be separated from each other by `...` or `---` marker lines.
 *
 * @returns If an empty `docs` array is returned, it will be of type
 *   EmptyStream and contain additional stream information. In
 *   TypeScript, you should use `'empty' in docs` as a type guard for it.
 */
function parseAllDocuments(source, options = {}) {
    const { lineCounter, prettyErrors } = parseOptions(options);
    const parser$1 = new parser.Parser(lineCounter?.addNewLine);
    const composer$1 = new composer.Composer(options);
    const docs = Array.from(composer$1.compose(parser$1.parse(source)));
    if (prettyErrors && lineCounter)
        for (const doc of docs) {
            doc.errors.forEach(errors.prettifyError(source, lineCounter));
            doc.warnings.forEach(errors.prettifyError(source, lineCounter));
        }
    if (docs.length > 0)
        return docs;
    return Object.assign([], { empty: true }, composer$1.streamInfo());
}
/** Parse an input string into a single YAML.Document */
function parseDocument(source, options = {}) {
    const { lineCounter, prettyErrors } = parseOptions(options);
    const parser$1 = new parser.Parser(lineCounter?.addNewLine);
    const composer$1 = new composer.Composer(options);
    // `doc` is always set by compose.end(true) at the very latest
    let doc = null;
    for (const _doc of composer$1.compose(parser$1.parse(source), true, source.length)) {
        if (!doc)
            doc = _doc;
        else if (doc.options.logLevel !== 'silent') {
            doc.errors.push(new errors.YAMLParseError(_doc.range.slice(0, 2), 'MULTIPLE_DOCS', 'Source contains multiple documents; please use YAML.parseAllDocuments()'));
            break;
        }
    }
    if (prettyErrors && lineCounter) {
        doc.errors.forEach(errors.prettifyError(source, lineCounter));
        doc.warnings.forEach(errors.prettifyError(source, lineCounter));
    }
    return doc;
}
function parse(src, reviver, options) {
    let _reviver = undefined;
    if (typeof reviver === 'function') {
        _reviver = reviver;
    }
    else if (options === undefined && reviver && typeof reviver === 'object') {
        options = reviver;
    }
    const doc = parseDocument(src, options);
    if (!doc)
        return null;
    doc.warnings.forEach(warning => log.warn(doc.options.logLevel, warning));
    if (doc.errors.length > 0) {
        if (doc.options.logLevel !== 'silent')
            throw doc.errors[0];
        else
            doc.errors = [];
    }
    return doc.toJS(Object.assign({ reviver: _reviver }, options));
}
function stringify(value, replacer, options) {
    let _replacer = null;
    if (typeof replacer === 'function' || Array.isArray(replacer)) {
        _replacer = replacer;
    }
    else if (options === undefined && replacer) {
        options = replacer;
    }
    if (typeof options === 'string')
        options = options.length;
    if (typeof options === 'number') {
        const indent = Math.round(options);
        options = indent < 1 ? undefined : indent > 8 ? { indent: 8 } : { indent };
    }
    if (value === undefined) {
        const { keepUndefined } = options ?? replacer ?? {};
        if (!keepUndefined)
            return undefined;
    }
    if (identity.isDocument(value) && !_replacer)
        return value.toString(options);
    return new Document.Document(value, _replacer, options).toString(options);
}

exports.parse = parse;
exports.parseAllDocuments = parseAllDocuments;
exports.parseDocument = parseDocument;
exports.stringify = stringify;


/***/ }),

/***/ 5840:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var map = __nccwpck_require__(7451);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var tags = __nccwpck_require__(18);

const sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
class Schema {
    constructor({ compat, customTags, merge, resolveKnownTags, schema, sortMapEntries, toStringDefaults }) {
        this.compat = Array.isArray(compat)
            ? tags.getTags(compat, 'compat')
            : compat
                ? tags.getTags(null, compat)
                : null;
        this.name = (typeof schema === 'string' && schema) || 'core';
        this.knownTags = resolveKnownTags ? tags.coreKnownTags : {};
        this.tags = tags.getTags(customTags, this.name, merge);
        this.toStringOptions = toStringDefaults ?? null;
        Object.defineProperty(this, identity.MAP, { value: map.map });
        Object.defineProperty(this, identity.SCALAR, { value: string.string });
        Object.defineProperty(this, identity.SEQ, { value: seq.seq });
        // Used by createMap()
        this.sortMapEntries =
            typeof sortMapEntries === 'function'
                ? sortMapEntries
                : sortMapEntries === true
                    ? sortMapEntriesByKey
                    : null;
    }
    clone() {
        const copy = Object.create(Schema.prototype, Object.getOwnPropertyDescriptors(this));
        copy.tags = this.tags.slice();
        return copy;
    }
}

exports.Schema = Schema;


/***/ }),

/***/ 7451:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var YAMLMap = __nccwpck_require__(4454);

const map = {
    collection: 'map',
    default: true,
    nodeClass: YAMLMap.YAMLMap,
    tag: 'tag:yaml.org,2002:map',
    resolve(map, onError) {
        if (!identity.isMap(map))
            onError('Expected a mapping for this tag');
        return map;
    },
    createNode: (schema, obj, ctx) => YAMLMap.YAMLMap.from(schema, obj, ctx)
};

exports.map = map;


/***/ }),

/***/ 3632:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

const nullTag = {
    identify: value => value == null,
    createNode: () => new Scalar.Scalar(null),
    default: true,
    tag: 'tag:yaml.org,2002:null',
    test: /^(?:~|[Nn]ull|NULL)?$/,
    resolve: () => new Scalar.Scalar(null),
    stringify: ({ source }, ctx) => typeof source === 'string' && nullTag.test.test(source)
        ? source
        : ctx.options.nullStr
};

exports.nullTag = nullTag;


/***/ }),

/***/ 1706:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var YAMLSeq = __nccwpck_require__(2223);

const seq = {
    collection: 'seq',
    default: true,
    nodeClass: YAMLSeq.YAMLSeq,
    tag: 'tag:yaml.org,2002:seq',
    resolve(seq, onError) {
        if (!identity.isSeq(seq))
            onError('Expected a sequence for this tag');
        return seq;
    },
    createNode: (schema, obj, ctx) => YAMLSeq.YAMLSeq.from(schema, obj, ctx)
};

exports.seq = seq;


/***/ }),

/***/ 6464:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyString = __nccwpck_require__(3069);

const string = {
    identify: value => typeof value === 'string',
    default: true,
    tag: 'tag:yaml.org,2002:str',
    resolve: str => str,
    stringify(item, ctx, onComment, onChompKeep) {
        ctx = Object.assign({ actualString: true }, ctx);
        return stringifyString.stringifyString(item, ctx, onComment, onChompKeep);
    }
};

exports.string = string;


/***/ }),

/***/ 3959:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

const boolTag = {
    identify: value => typeof value === 'boolean',
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
    resolve: str => new Scalar.Scalar(str[0] === 't' || str[0] === 'T'),
    stringify({ source, value }, ctx) {
        if (source && boolTag.test.test(source)) {
            const sv = source[0] === 't' || source[0] === 'T';
            if (value === sv)
                return source;
        }
        return value ? ctx.options.trueStr : ctx.options.falseStr;
    }
};

exports.boolTag = boolTag;


/***/ }),

/***/ 8405:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var stringifyNumber = __nccwpck_require__(8689);

const floatNaN = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
    resolve: str => str.slice(-3).toLowerCase() === 'nan'
        ? NaN
        : str[0] === '-'
            ? Number.NEGATIVE_INFINITY
            : Number.POSITIVE_INFINITY,
    stringify: stringifyNumber.stringifyNumber
};
const floatExp = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'EXP',
    test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
    resolve: str => parseFloat(str),
    stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
    }
};
const float = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
    resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str));
        const dot = str.indexOf('.');
        if (dot !== -1 && str[str.length - 1] === '0')
            node.minFractionDigits = str.length - dot - 1;
        return node;
    },
    stringify: stringifyNumber.stringifyNumber
};

exports.float = float;
exports.floatExp = floatExp;
exports.floatNaN = floatNaN;


/***/ }),

/***/ 9874:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(8689);

const intIdentify = (value) => typeof value === 'bigint' || Number.isInteger(value);
const intResolve = (str, offset, radix, { intAsBigInt }) => (intAsBigInt ? BigInt(str) : parseInt(str.substring(offset), radix));
function intStringify(node, radix, prefix) {
    const { value } = node;
    if (intIdentify(value) && value >= 0)
        return prefix + value.toString(radix);
    return stringifyNumber.stringifyNumber(node);
}
const intOct = {
    identify: value => intIdentify(value) && value >= 0,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'OCT',
    test: /^0o[0-7]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 8, opt),
    stringify: node => intStringify(node, 8, '0o')
};
const int = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    test: /^[-+]?[0-9]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
    stringify: stringifyNumber.stringifyNumber
};
const intHex = {
    identify: value => intIdentify(value) && value >= 0,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'HEX',
    test: /^0x[0-9a-fA-F]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
    stringify: node => intStringify(node, 16, '0x')
};

exports.int = int;
exports.intHex = intHex;
exports.intOct = intOct;


/***/ }),

/***/ 896:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(7451);
var _null = __nccwpck_require__(3632);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var bool = __nccwpck_require__(3959);
var float = __nccwpck_require__(8405);
var int = __nccwpck_require__(9874);

const schema = [
    map.map,
    seq.seq,
    string.string,
    _null.nullTag,
    bool.boolTag,
    int.intOct,
    int.int,
    int.intHex,
    float.floatNaN,
    float.floatExp,
    float.float
];

exports.schema = schema;


/***/ }),

/***/ 3559:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var map = __nccwpck_require__(7451);
var seq = __nccwpck_require__(1706);

function intIdentify(value) {
    return typeof value === 'bigint' || Number.isInteger(value);
}
const stringifyJSON = ({ value }) => JSON.stringify(value);
const jsonScalars = [
    {
        identify: value => typeof value === 'string',
        default: true,
        tag: 'tag:yaml.org,2002:str',
        resolve: str => str,
        stringify: stringifyJSON
    },
    {
        identify: value => value == null,
        createNode: () => new Scalar.Scalar(null),
        default: true,
        tag: 'tag:yaml.org,2002:null',
        test: /^null$/,
        resolve: () => null,
        stringify: stringifyJSON
    },
    {
        identify: value => typeof value === 'boolean',
        default: true,
        tag: 'tag:yaml.org,2002:bool',
        test: /^true$|^false$/,
        resolve: str => str === 'true',
        stringify: stringifyJSON
    },
    {
        identify: intIdentify,
        default: true,
        tag: 'tag:yaml.org,2002:int',
        test: /^-?(?:0|[1-9][0-9]*)$/,
        resolve: (str, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str, 10),
        stringify: ({ value }) => intIdentify(value) ? value.toString() : JSON.stringify(value)
    },
    {
        identify: value => typeof value === 'number',
        default: true,
        tag: 'tag:yaml.org,2002:float',
        test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
        resolve: str => parseFloat(str),
        stringify: stringifyJSON
    }
];
const jsonError = {
    default: true,
    tag: '',
    test: /^/,
    resolve(str, onError) {
        onError(`Unresolved plain scalar ${JSON.stringify(str)}`);
        return str;
    }
};
const schema = [map.map, seq.seq].concat(jsonScalars, jsonError);

exports.schema = schema;


/***/ }),

/***/ 18:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(7451);
var _null = __nccwpck_require__(3632);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var bool = __nccwpck_require__(3959);
var float = __nccwpck_require__(8405);
var int = __nccwpck_require__(9874);
var schema = __nccwpck_require__(896);
var schema$1 = __nccwpck_require__(3559);
var binary = __nccwpck_require__(6083);
var merge = __nccwpck_require__(452);
var omap = __nccwpck_require__(303);
var pairs = __nccwpck_require__(8385);
var schema$2 = __nccwpck_require__(5913);
var set = __nccwpck_require__(1528);
var timestamp = __nccwpck_require__(6752);

const schemas = new Map([
    ['core', schema.schema],
    ['failsafe', [map.map, seq.seq, string.string]],
    ['json', schema$1.schema],
    ['yaml11', schema$2.schema],
    ['yaml-1.1', schema$2.schema]
]);
const tagsByName = {
    binary: binary.binary,
    bool: bool.boolTag,
    float: float.float,
    floatExp: float.floatExp,
    floatNaN: float.floatNaN,
    floatTime: timestamp.floatTime,
    int: int.int,
    intHex: int.intHex,
    intOct: int.intOct,
    intTime: timestamp.intTime,
    map: map.map,
    merge: merge.merge,
    null: _null.nullTag,
    omap: omap.omap,
    pairs: pairs.pairs,
    seq: seq.seq,
    set: set.set,
    timestamp: timestamp.timestamp
};
const coreKnownTags = {
    'tag:yaml.org,2002:binary': binary.binary,
    'tag:yaml.org,2002:merge': merge.merge,
    'tag:yaml.org,2002:omap': omap.omap,
    'tag:yaml.org,2002:pairs': pairs.pairs,
    'tag:yaml.org,2002:set': set.set,
    'tag:yaml.org,2002:timestamp': timestamp.timestamp
};
function getTags(customTags, schemaName, addMergeTag) {
    const schemaTags = schemas.get(schemaName);
    if (schemaTags && !customTags) {
        return addMergeTag && !schemaTags.includes(merge.merge)
            ? schemaTags.concat(merge.merge)
            : schemaTags.slice();
    }
    let tags = schemaTags;
    if (!tags) {
        if (Array.isArray(customTags))
            tags = [];
        else {
            const keys = Array.from(schemas.keys())
                .filter(key => key !== 'yaml11')
                .map(key => JSON.stringify(key))
                .join(', ');
            throw new Error(`Unknown schema "${schemaName}"; use one of ${keys} or define customTags array`);
        }
    }
    if (Array.isArray(customTags)) {
        for (const tag of customTags)
            tags = tags.concat(tag);
    }
    else if (typeof customTags === 'function') {
        tags = customTags(tags.slice());
    }
    if (addMergeTag)
        tags = tags.concat(merge.merge);
    return tags.reduce((tags, tag) => {
        const tagObj = typeof tag === 'string' ? tagsByName[tag] : tag;
        if (!tagObj) {
            const tagName = JSON.stringify(tag);
            const keys = Object.keys(tagsByName)
                .map(key => JSON.stringify(key))
                .join(', ');
            throw new Error(`Unknown custom tag ${tagName}; use one of ${keys}`);
        }
        if (!tags.includes(tagObj))
            tags.push(tagObj);
        return tags;
    }, []);
}

exports.coreKnownTags = coreKnownTags;
exports.getTags = getTags;


/***/ }),

/***/ 6083:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_buffer = __nccwpck_require__(181);
var Scalar = __nccwpck_require__(3301);
var stringifyString = __nccwpck_require__(3069);

const binary = {
    identify: value => value instanceof Uint8Array, // Buffer inherits from Uint8Array
    default: false,
    tag: 'tag:yaml.org,2002:binary',
    /**
     * Returns a Buffer in node and an Uint8Array in browsers
     *
     * To use the resulting buffer as an image, you'll want to do something like:
     *
     *   const blob = new Blob([buffer], { type: 'image/jpeg' })
     *   document.querySelector('#photo').src = URL.createObjectURL(blob)
     */
    resolve(src, onError) {
        if (typeof node_buffer.Buffer === 'function') {
            return node_buffer.Buffer.from(src, 'base64');
        }
        else if (typeof atob === 'function') {
            // On IE 11, atob() can't handle newlines
            const str = atob(src.replace(/[\n\r]/g, ''));
            const buffer = new Uint8Array(str.length);
            for (let i = 0; i < str.length; ++i)
                buffer[i] = str.charCodeAt(i);
            return buffer;
        }
        else {
            onError('This environment does not support reading binary tags; either Buffer or atob is required');
            return src;
        }
    },
    stringify({ comment, type, value }, ctx, onComment, onChompKeep) {
        if (!value)
            return '';
        const buf = value; // checked earlier by binary.identify()
        let str;
        if (typeof node_buffer.Buffer === 'function') {
            str =
                buf instanceof node_buffer.Buffer
                    ? buf.toString('base64')
                    : node_buffer.Buffer.from(buf.buffer).toString('base64');
        }
        else if (typeof btoa === 'function') {
            let s = '';
            for (let i = 0; i < buf.length; ++i)
                s += String.fromCharCode(buf[i]);
            str = btoa(s);
        }
        else {
            throw new Error('This environment does not support writing binary tags; either Buffer or btoa is required');
        }
        type ?? (type = Scalar.Scalar.BLOCK_LITERAL);
        if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
            const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
            const n = Math.ceil(str.length / lineWidth);
            const lines = new Array(n);
            for (let i = 0, o = 0; i < n; ++i, o += lineWidth) {
                lines[i] = str.substr(o, lineWidth);
            }
            str = lines.join(type === Scalar.Scalar.BLOCK_LITERAL ? '\n' : ' ');
        }
        return stringifyString.stringifyString({ comment, type, value: str }, ctx, onComment, onChompKeep);
    }
};

exports.binary = binary;


/***/ }),

/***/ 8398:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

function boolStringify({ value, source }, ctx) {
    const boolObj = value ? trueTag : falseTag;
    if (source && boolObj.test.test(source))
        return source;
    return value ? ctx.options.trueStr : ctx.options.falseStr;
}
const trueTag = {
    identify: value => value === true,
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
    resolve: () => new Scalar.Scalar(true),
    stringify: boolStringify
};
const falseTag = {
    identify: value => value === false,
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
    resolve: () => new Scalar.Scalar(false),
    stringify: boolStringify
};

exports.falseTag = falseTag;
exports.trueTag = trueTag;


/***/ }),

/***/ 5782:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var stringifyNumber = __nccwpck_require__(8689);

const floatNaN = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
    resolve: (str) => str.slice(-3).toLowerCase() === 'nan'
        ? NaN
        : str[0] === '-'
            ? Number.NEGATIVE_INFINITY
            : Number.POSITIVE_INFINITY,
    stringify: stringifyNumber.stringifyNumber
};
const floatExp = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'EXP',
    test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
    resolve: (str) => parseFloat(str.replace(/_/g, '')),
    stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
    }
};
const float = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
    resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str.replace(/_/g, '')));
        const dot = str.indexOf('.');
        if (dot !== -1) {
            const f = str.substring(dot + 1).replace(/_/g, '');
            if (f[f.length - 1] === '0')
                node.minFractionDigits = f.length;
        }
        return node;
    },
    stringify: stringifyNumber.stringifyNumber
};

exports.float = float;
exports.floatExp = floatExp;
exports.floatNaN = floatNaN;


/***/ }),

/***/ 873:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(8689);

const intIdentify = (value) => typeof value === 'bigint' || Number.isInteger(value);
function intResolve(str, offset, radix, { intAsBigInt }) {
    const sign = str[0];
    if (sign === '-' || sign === '+')
        offset += 1;
    str = str.substring(offset).replace(/_/g, '');
    if (intAsBigInt) {
        switch (radix) {
            case 2:
                str = `0b${str}`;
                break;
            case 8:
                str = `0o${str}`;
                break;
            case 16:
                str = `0x${str}`;
                break;
        }
        const n = BigInt(str);
        return sign === '-' ? BigInt(-1) * n : n;
    }
    const n = parseInt(str, radix);
    return sign === '-' ? -1 * n : n;
}
function intStringify(node, radix, prefix) {
    const { value } = node;
    if (intIdentify(value)) {
        const str = value.toString(radix);
        return value < 0 ? '-' + prefix + str.substr(1) : prefix + str;
    }
    return stringifyNumber.stringifyNumber(node);
}
const intBin = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'BIN',
    test: /^[-+]?0b[0-1_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 2, opt),
    stringify: node => intStringify(node, 2, '0b')
};
const intOct = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'OCT',
    test: /^[-+]?0[0-7_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 1, 8, opt),
    stringify: node => intStringify(node, 8, '0')
};
const int = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    test: /^[-+]?[0-9][0-9_]*$/,
    resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
    stringify: stringifyNumber.stringifyNumber
};
const intHex = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'HEX',
    test: /^[-+]?0x[0-9a-fA-F_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
    stringify: node => intStringify(node, 16, '0x')
};

exports.int = int;
exports.intBin = intBin;
exports.intHex = intHex;
exports.intOct = intOct;


/***/ }),

/***/ 452:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);

// If the value associated with a merge key is a single mapping node, each of
// its key/value pairs is inserted into the current mapping, unless the key
// already exists in it. If the value associated with the merge key is a
// sequence, then this sequence is expected to contain mapping nodes and each
// of these nodes is merged in turn according to its order in the sequence.
// Keys in mapping nodes earlier in the sequence override keys specified in
// later mapping nodes. -- http://yaml.org/type/merge.html
const MERGE_KEY = '<<';
const merge = {
    identify: value => value === MERGE_KEY ||
        (typeof value === 'symbol' && value.description === MERGE_KEY),
    default: 'key',
    tag: 'tag:yaml.org,2002:merge',
    test: /^<<$/,
    resolve: () => Object.assign(new Scalar.Scalar(Symbol(MERGE_KEY)), {
        addToJSMap: addMergeToJSMap
    }),
    stringify: () => MERGE_KEY
};
const isMergeKey = (ctx, key) => (merge.identify(key) ||
    (identity.isScalar(key) &&
        (!key.type || key.type === Scalar.Scalar.PLAIN) &&
        merge.identify(key.value))) &&
    ctx?.doc.schema.tags.some(tag => tag.tag === merge.tag && tag.default);
function addMergeToJSMap(ctx, map, value) {
    const source = resolveAliasValue(ctx, value);
    if (identity.isSeq(source))
        for (const it of source.items)
            mergeValue(ctx, map, it);
    else if (Array.isArray(source))
        for (const it of source)
            mergeValue(ctx, map, it);
    else
        mergeValue(ctx, map, source);
}
function mergeValue(ctx, map, value) {
    const source = resolveAliasValue(ctx, value);
    if (!identity.isMap(source))
        throw new Error('Merge sources must be maps or map aliases');
    const srcMap = source.toJSON(null, ctx, Map);
    for (const [key, value] of srcMap) {
        if (map instanceof Map) {
            if (!map.has(key))
                map.set(key, value);
        }
        else if (map instanceof Set) {
            map.add(key);
        }
        else if (!Object.prototype.hasOwnProperty.call(map, key)) {
            Object.defineProperty(map, key, {
                value,
                writable: true,
                enumerable: true,
                configurable: true
            });
        }
    }
    return map;
}
function resolveAliasValue(ctx, value) {
    return ctx && identity.isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
}

exports.addMergeToJSMap = addMergeToJSMap;
exports.isMergeKey = isMergeKey;
exports.merge = merge;


/***/ }),

/***/ 303:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var toJS = __nccwpck_require__(4043);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var pairs = __nccwpck_require__(8385);

class YAMLOMap extends YAMLSeq.YAMLSeq {
    constructor() {
        super();
        this.add = YAMLMap.YAMLMap.prototype.add.bind(this);
        this.delete = YAMLMap.YAMLMap.prototype.delete.bind(this);
        this.get = YAMLMap.YAMLMap.prototype.get.bind(this);
        this.has = YAMLMap.YAMLMap.prototype.has.bind(this);
        this.set = YAMLMap.YAMLMap.prototype.set.bind(this);
        this.tag = YAMLOMap.tag;
    }
    /**
     * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
     * but TypeScript won't allow widening the signature of a child method.
     */
    toJSON(_, ctx) {
        if (!ctx)
            return super.toJSON(_);
        const map = new Map();
        if (ctx?.onCreate)
            ctx.onCreate(map);
        for (const pair of this.items) {
            let key, value;
            if (identity.isPair(pair)) {
                key = toJS.toJS(pair.key, '', ctx);
                value = toJS.toJS(pair.value, key, ctx);
            }
            else {
                key = toJS.toJS(pair, '', ctx);
            }
            if (map.has(key))
                throw new Error('Ordered maps must not include duplicate keys');
            map.set(key, value);
        }
        return map;
    }
    static from(schema, iterable, ctx) {
        const pairs$1 = pairs.createPairs(schema, iterable, ctx);
        const omap = new this();
        omap.items = pairs$1.items;
        return omap;
    }
}
YAMLOMap.tag = 'tag:yaml.org,2002:omap';
const omap = {
    collection: 'seq',
    identify: value => value instanceof Map,
    nodeClass: YAMLOMap,
    default: false,
    tag: 'tag:yaml.org,2002:omap',
    resolve(seq, onError) {
        const pairs$1 = pairs.resolvePairs(seq, onError);
        const seenKeys = [];
        for (const { key } of pairs$1.items) {
            if (identity.isScalar(key)) {
                if (seenKeys.includes(key.value)) {
                    onError(`Ordered maps must not include duplicate keys: ${key.value}`);
                }
                else {
                    seenKeys.push(key.value);
                }
            }
        }
        return Object.assign(new YAMLOMap(), pairs$1);
    },
    createNode: (schema, iterable, ctx) => YAMLOMap.from(schema, iterable, ctx)
};

exports.YAMLOMap = YAMLOMap;
exports.omap = omap;


/***/ }),

/***/ 8385:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var Scalar = __nccwpck_require__(3301);
var YAMLSeq = __nccwpck_require__(2223);

function resolvePairs(seq, onError) {
    if (identity.isSeq(seq)) {
        for (let i = 0; i < seq.items.length; ++i) {
            let item = seq.items[i];
            if (identity.isPair(item))
                continue;
            else if (identity.isMap(item)) {
                if (item.items.length > 1)
                    onError('Each pair must have its own sequence indicator');
                const pair = item.items[0] || new Pair.Pair(new Scalar.Scalar(null));
                if (item.commentBefore)
                    pair.key.commentBefore = pair.key.commentBefore
                        ? `${item.commentBefore}\n${pair.key.commentBefore}`
                        : item.commentBefore;
                if (item.comment) {
                    const cn = pair.value ?? pair.key;
                    cn.comment = cn.comment
                        ? `${item.comment}\n${cn.comment}`
                        : item.comment;
                }
                item = pair;
            }
            seq.items[i] = identity.isPair(item) ? item : new Pair.Pair(item);
        }
    }
    else
        onError('Expected a sequence for this tag');
    return seq;
}
function createPairs(schema, iterable, ctx) {
    const { replacer } = ctx;
    const pairs = new YAMLSeq.YAMLSeq(schema);
    pairs.tag = 'tag:yaml.org,2002:pairs';
    let i = 0;
    if (iterable && Symbol.iterator in Object(iterable))
        for (let it of iterable) {
            if (typeof replacer === 'function')
                it = replacer.call(iterable, String(i++), it);
            let key, value;
            if (Array.isArray(it)) {
                if (it.length === 2) {
                    key = it[0];
                    value = it[1];
                }
                else
                    throw new TypeError(`Expected [key, value] tuple: ${it}`);
            }
            else if (it && it instanceof Object) {
                const keys = Object.keys(it);
                if (keys.length === 1) {
                    key = keys[0];
                    value = it[key];
                }
                else {
                    throw new TypeError(`Expected tuple with one key, not ${keys.length} keys`);
                }
            }
            else {
                key = it;
            }
            pairs.items.push(Pair.createPair(key, value, ctx));
        }
    return pairs;
}
const pairs = {
    collection: 'seq',
    default: false,
    tag: 'tag:yaml.org,2002:pairs',
    resolve: resolvePairs,
    createNode: createPairs
};

exports.createPairs = createPairs;
exports.pairs = pairs;
exports.resolvePairs = resolvePairs;


/***/ }),

/***/ 5913:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(7451);
var _null = __nccwpck_require__(3632);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var binary = __nccwpck_require__(6083);
var bool = __nccwpck_require__(8398);
var float = __nccwpck_require__(5782);
var int = __nccwpck_require__(873);
var merge = __nccwpck_require__(452);
var omap = __nccwpck_require__(303);
var pairs = __nccwpck_require__(8385);
var set = __nccwpck_require__(1528);
var timestamp = __nccwpck_require__(6752);

const schema = [
    map.map,
    seq.seq,
    string.string,
    _null.nullTag,
    bool.trueTag,
    bool.falseTag,
    int.intBin,
    int.intOct,
    int.int,
    int.intHex,
    float.floatNaN,
    float.floatExp,
    float.float,
    binary.binary,
    merge.merge,
    omap.omap,
    pairs.pairs,
    set.set,
    timestamp.intTime,
    timestamp.floatTime,
    timestamp.timestamp
];

exports.schema = schema;


/***/ }),

/***/ 1528:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var YAMLMap = __nccwpck_require__(4454);

class YAMLSet extends YAMLMap.YAMLMap {
    constructor(schema) {
        super(schema);
        this.tag = YAMLSet.tag;
    }
    add(key) {
        let pair;
        if (identity.isPair(key))
            pair = key;
        else if (key &&
            typeof key === 'object' &&
            'key' in key &&
            'value' in key &&
            key.value === null)
            pair = new Pair.Pair(key.key, null);
        else
            pair = new Pair.Pair(key, null);
        const prev = YAMLMap.findPair(this.items, pair.key);
        if (!prev)
            this.items.push(pair);
    }
    /**
     * If `keepPair` is `true`, returns the Pair matching `key`.
     * Otherwise, returns the value of that Pair's key.
     */
    get(key, keepPair) {
        const pair = YAMLMap.findPair(this.items, key);
        return !keepPair && identity.isPair(pair)
            ? identity.isScalar(pair.key)
                ? pair.key.value
                : pair.key
            : pair;
    }
    set(key, value) {
        if (typeof value !== 'boolean')
            throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
        const prev = YAMLMap.findPair(this.items, key);
        if (prev && !value) {
            this.items.splice(this.items.indexOf(prev), 1);
        }
        else if (!prev && value) {
            this.items.push(new Pair.Pair(key));
        }
    }
    toJSON(_, ctx) {
        return super.toJSON(_, ctx, Set);
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        if (this.hasAllNullValues(true))
            return super.toString(Object.assign({}, ctx, { allNullValues: true }), onComment, onChompKeep);
        else
            throw new Error('Set items must all have null values');
    }
    static from(schema, iterable, ctx) {
        const { replacer } = ctx;
        const set = new this(schema);
        if (iterable && Symbol.iterator in Object(iterable))
            for (let value of iterable) {
                if (typeof replacer === 'function')
                    value = replacer.call(iterable, value, value);
                set.items.push(Pair.createPair(value, null, ctx));
            }
        return set;
    }
}
YAMLSet.tag = 'tag:yaml.org,2002:set';
const set = {
    collection: 'map',
    identify: value => value instanceof Set,
    nodeClass: YAMLSet,
    default: false,
    tag: 'tag:yaml.org,2002:set',
    createNode: (schema, iterable, ctx) => YAMLSet.from(schema, iterable, ctx),
    resolve(map, onError) {
        if (identity.isMap(map)) {
            if (map.hasAllNullValues(true))
                return Object.assign(new YAMLSet(), map);
            else
                onError('Set items must all have null values');
        }
        else
            onError('Expected a mapping for this tag');
        return map;
    }
};

exports.YAMLSet = YAMLSet;
exports.set = set;


/***/ }),

/***/ 6752:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(8689);

/** Internal types handle bigint as number, because TS can't figure it out. */
function parseSexagesimal(str, asBigInt) {
    const sign = str[0];
    const parts = sign === '-' || sign === '+' ? str.substring(1) : str;
    const num = (n) => asBigInt ? BigInt(n) : Number(n);
    const res = parts
        .replace(/_/g, '')
        .split(':')
        .reduce((res, p) => res * num(60) + num(p), num(0));
    return (sign === '-' ? num(-1) * res : res);
}
/**
 * hhhh:mm:ss.sss
 *
 * Internal types handle bigint as number, because TS can't figure it out.
 */
function stringifySexagesimal(node) {
    let { value } = node;
    let num = (n) => n;
    if (typeof value === 'bigint')
        num = n => BigInt(n);
    else if (isNaN(value) || !isFinite(value))
        return stringifyNumber.stringifyNumber(node);
    let sign = '';
    if (value < 0) {
        sign = '-';
        value *= num(-1);
    }
    const _60 = num(60);
    const parts = [value % _60]; // seconds, including ms
    if (value < 60) {
        parts.unshift(0); // at least one : is required
    }
    else {
        value = (value - parts[0]) / _60;
        parts.unshift(value % _60); // minutes
        if (value >= 60) {
            value = (value - parts[0]) / _60;
            parts.unshift(value); // hours
        }
    }
    return (sign +
        parts
            .map(n => String(n).padStart(2, '0'))
            .join(':')
            .replace(/000000\d*$/, '') // % 60 may introduce error
    );
}
const intTime = {
    identify: value => typeof value === 'bigint' || Number.isInteger(value),
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'TIME',
    test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
    resolve: (str, _onError, { intAsBigInt }) => parseSexagesimal(str, intAsBigInt),
    stringify: stringifySexagesimal
};
const floatTime = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'TIME',
    test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
    resolve: str => parseSexagesimal(str, false),
    stringify: stringifySexagesimal
};
const timestamp = {
    identify: value => value instanceof Date,
    default: true,
    tag: 'tag:yaml.org,2002:timestamp',
    // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
    // may be omitted altogether, resulting in a date format. In such a case, the time part is
    // assumed to be 00:00:00Z (start of day, UTC).
    test: RegExp('^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})' + // YYYY-Mm-Dd
        '(?:' + // time is optional
        '(?:t|T|[ \\t]+)' + // t | T | whitespace
        '([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)' + // Hh:Mm:Ss(.ss)?
        '(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?' + // Z | +5 | -03:30
        ')?$'),
    resolve(str) {
        const match = str.match(timestamp.test);
        if (!match)
            throw new Error('!!timestamp expects a date, starting with yyyy-mm-dd');
        const [, year, month, day, hour, minute, second] = match.map(Number);
        const millisec = match[7] ? Number((match[7] + '00').substr(1, 3)) : 0;
        let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
        const tz = match[8];
        if (tz && tz !== 'Z') {
            let d = parseSexagesimal(tz, false);
            if (Math.abs(d) < 30)
                d *= 60;
            date -= 60000 * d;
        }
        return new Date(date);
    },
    stringify: ({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, '') ?? ''
};

exports.floatTime = floatTime;
exports.intTime = intTime;
exports.timestamp = timestamp;


/***/ }),

/***/ 4475:
/***/ ((__unused_webpack_module, exports) => {



const FOLD_FLOW = 'flow';
const FOLD_BLOCK = 'block';
const FOLD_QUOTED = 'quoted';
/**
 * Tries to keep input at up to `lineWidth` characters, splitting only on spaces
 * not followed by newlines or spaces unless `mode` is `'quoted'`. Lines are
 * terminated with `\n` and started with `indent`.
 */
function foldFlowLines(text, indent, mode = 'flow', { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
    if (!lineWidth || lineWidth < 0)
        return text;
    if (lineWidth < minContentWidth)
        minContentWidth = 0;
    const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
    if (text.length <= endStep)
        return text;
    const folds = [];
    const escapedFolds = {};
    let end = lineWidth - indent.length;
    if (typeof indentAtStart === 'number') {
        if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
            folds.push(0);
        else
            end = lineWidth - indentAtStart;
    }
    let split = undefined;
    let prev = undefined;
    let overflow = false;
    let i = -1;
    let escStart = -1;
    let escEnd = -1;
    if (mode === FOLD_BLOCK) {
        i = consumeMoreIndentedLines(text, i, indent.length);
        if (i !== -1)
            end = i + endStep;
    }
    for (let ch; (ch = text[(i += 1)]);) {
        if (mode === FOLD_QUOTED && ch === '\\') {
            escStart = i;
            switch (text[i + 1]) {
                case 'x':
                    i += 3;
                    break;
                case 'u':
                    i += 5;
                    break;
                case 'U':
                    i += 9;
                    break;
                default:
                    i += 1;
            }
            escEnd = i;
        }
        if (ch === '\n') {
            if (mode === FOLD_BLOCK)
                i = consumeMoreIndentedLines(text, i, indent.length);
            end = i + indent.length + endStep;
            split = undefined;
        }
        else {
            if (ch === ' ' &&
                prev &&
                prev !== ' ' &&
                prev !== '\n' &&
                prev !== '\t') {
                // space surrounded by non-space can be replaced with newline + indent
                const next = text[i + 1];
                if (next && next !== ' ' && next !== '\n' && next !== '\t')
                    split = i;
            }
            if (i >= end) {
                if (split) {
                    folds.push(split);
                    end = split + endStep;
                    split = undefined;
                }
                else if (mode === FOLD_QUOTED) {
                    // white-space collected at end may stretch past lineWidth
                    while (prev === ' ' || prev === '\t') {
                        prev = ch;
                        ch = text[(i += 1)];
                        overflow = true;
                    }
                    // Account for newline escape, but don't break preceding escape
                    const j = i > escEnd + 1 ? i - 2 : escStart - 1;
                    // Bail out if lineWidth & minContentWidth are shorter than an escape string
                    if (escapedFolds[j])
                        return text;
                    folds.push(j);
                    escapedFolds[j] = true;
                    end = j + endStep;
                    split = undefined;
                }
                else {
                    overflow = true;
                }
            }
        }
        prev = ch;
    }
    if (overflow && onOverflow)
        onOverflow();
    if (folds.length === 0)
        return text;
    if (onFold)
        onFold();
    let res = text.slice(0, folds[0]);
    for (let i = 0; i < folds.length; ++i) {
        const fold = folds[i];
        const end = folds[i + 1] || text.length;
        if (fold === 0)
            res = `\n${indent}${text.slice(0, end)}`;
        else {
            if (mode === FOLD_QUOTED && escapedFolds[fold])
                res += `${text[fold]}\\`;
            res += `\n${indent}${text.slice(fold + 1, end)}`;
        }
    }
    return res;
}
/**
 * Presumes `i + 1` is at the start of a line
 * @returns index of last newline in more-indented block
 */
function consumeMoreIndentedLines(text, i, indent) {
    let end = i;
    let start = i + 1;
    let ch = text[start];
    while (ch === ' ' || ch === '\t') {
        if (i < start + indent) {
            ch = text[++i];
        }
        else {
            do {
                ch = text[++i];
            } while (ch && ch !== '\n');
            end = i;
            start = i + 1;
            ch = text[start];
        }
    }
    return end;
}

exports.FOLD_BLOCK = FOLD_BLOCK;
exports.FOLD_FLOW = FOLD_FLOW;
exports.FOLD_QUOTED = FOLD_QUOTED;
exports.foldFlowLines = foldFlowLines;


/***/ }),

/***/ 2148:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var anchors = __nccwpck_require__(1596);
var identity = __nccwpck_require__(1127);
var stringifyComment = __nccwpck_require__(9799);
var stringifyString = __nccwpck_require__(3069);

function createStringifyContext(doc, options) {
    const opt = Object.assign({
        blockQuote: true,
        commentString: stringifyComment.stringifyComment,
        defaultKeyType: null,
        defaultStringType: 'PLAIN',
        directives: null,
        doubleQuotedAsJSON: false,
        doubleQuotedMinMultiLineLength: 40,
        falseStr: 'false',
        flowCollectionPadding: true,
        indentSeq: true,
        lineWidth: 80,
        minContentWidth: 20,
        nullStr: 'null',
        simpleKeys: false,
        singleQuote: null,
        trailingComma: false,
        trueStr: 'true',
        verifyAliasOrder: true
    }, doc.schema.toStringOptions, options);
    let inFlow;
    switch (opt.collectionStyle) {
        case 'block':
            inFlow = false;
            break;
        case 'flow':
            inFlow = true;
            break;
        default:
            inFlow = null;
    }
    return {
        anchors: new Set(),
        doc,
        flowCollectionPadding: opt.flowCollectionPadding ? ' ' : '',
        indent: '',
        indentStep: typeof opt.indent === 'number' ? ' '.repeat(opt.indent) : '  ',
        inFlow,
        options: opt
    };
}
function getTagObject(tags, item) {
    if (item.tag) {
        const match = tags.filter(t => t.tag === item.tag);
        if (match.length > 0)
            return match.find(t => t.format === item.format) ?? match[0];
    }
    let tagObj = undefined;
    let obj;
    if (identity.isScalar(item)) {
        obj = item.value;
        let match = tags.filter(t => t.identify?.(obj));
        if (match.length > 1) {
            const testMatch = match.filter(t => t.test);
            if (testMatch.length > 0)
                match = testMatch;
        }
        tagObj =
            match.find(t => t.format === item.format) ?? match.find(t => !t.format);
    }
    else {
        obj = item;
        tagObj = tags.find(t => t.nodeClass && obj instanceof t.nodeClass);
    }
    if (!tagObj) {
        const name = obj?.constructor?.name ?? (obj === null ? 'null' : typeof obj);
        throw new Error(`Tag not resolved for ${name} value`);
    }
    return tagObj;
}
// needs to be called before value stringifier to allow for circular anchor refs
function stringifyProps(node, tagObj, { anchors: anchors$1, doc }) {
    if (!doc.directives)
        return '';
    const props = [];
    const anchor = (identity.isScalar(node) || identity.isCollection(node)) && node.anchor;
    if (anchor && anchors.anchorIsValid(anchor)) {
        anchors$1.add(anchor);
        props.push(`&${anchor}`);
    }
    const tag = node.tag ?? (tagObj.default ? null : tagObj.tag);
    if (tag)
        props.push(doc.directives.tagString(tag));
    return props.join(' ');
}
function stringify(item, ctx, onComment, onChompKeep) {
    if (identity.isPair(item))
        return item.toString(ctx, onComment, onChompKeep);
    if (identity.isAlias(item)) {
        if (ctx.doc.directives)
            return item.toString(ctx);
        if (ctx.resolvedAliases?.has(item)) {
            throw new TypeError(`Cannot stringify circular structure without alias nodes`);
        }
        else {
            if (ctx.resolvedAliases)
                ctx.resolvedAliases.add(item);
            else
                ctx.resolvedAliases = new Set([item]);
            item = item.resolve(ctx.doc);
        }
    }
    let tagObj = undefined;
    const node = identity.isNode(item)
        ? item
        : ctx.doc.createNode(item, { onTagObj: o => (tagObj = o) });
    tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
    const props = stringifyProps(node, tagObj, ctx);
    if (props.length > 0)
        ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
    const str = typeof tagObj.stringify === 'function'
        ? tagObj.stringify(node, ctx, onComment, onChompKeep)
        : identity.isScalar(node)
            ? stringifyString.stringifyString(node, ctx, onComment, onChompKeep)
            : node.toString(ctx, onComment, onChompKeep);
    if (!props)
        return str;
    return identity.isScalar(node) || str[0] === '{' || str[0] === '['
        ? `${props} ${str}`
        : `${props}\n${ctx.indent}${str}`;
}

exports.createStringifyContext = createStringifyContext;
exports.stringify = stringify;


/***/ }),

/***/ 1212:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var stringify = __nccwpck_require__(2148);
var stringifyComment = __nccwpck_require__(9799);

function stringifyCollection(collection, ctx, options) {
    const flow = ctx.inFlow ?? collection.flow;
    const stringify = flow ? stringifyFlowCollection : stringifyBlockCollection;
    return stringify(collection, ctx, options);
}
function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
    const { indent, options: { commentString } } = ctx;
    const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
    let chompKeep = false; // flag for the preceding node's status
    const lines = [];
    for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
            if (!chompKeep && item.spaceBefore)
                lines.push('');
            addCommentBefore(ctx, lines, item.commentBefore, chompKeep);
            if (item.comment)
                comment = item.comment;
        }
        else if (identity.isPair(item)) {
            const ik = identity.isNode(item.key) ? item.key : null;
            if (ik) {
                if (!chompKeep && ik.spaceBefore)
                    lines.push('');
                addCommentBefore(ctx, lines, ik.commentBefore, chompKeep);
            }
        }
        chompKeep = false;
        let str = stringify.stringify(item, itemCtx, () => (comment = null), () => (chompKeep = true));
        if (comment)
            str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        if (chompKeep && comment)
            chompKeep = false;
        lines.push(blockItemPrefix + str);
    }
    let str;
    if (lines.length === 0) {
        str = flowChars.start + flowChars.end;
    }
    else {
        str = lines[0];
        for (let i = 1; i < lines.length; ++i) {
            const line = lines[i];
            str += line ? `\n${indent}${line}` : '\n';
        }
    }
    if (comment) {
        str += '\n' + stringifyComment.indentComment(commentString(comment), indent);
        if (onComment)
            onComment();
    }
    else if (chompKeep && onChompKeep)
        onChompKeep();
    return str;
}
function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
    const { indent, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
    itemIndent += indentStep;
    const itemCtx = Object.assign({}, ctx, {
        indent: itemIndent,
        inFlow: true,
        type: null
    });
    let reqNewline = false;
    let linesAtValue = 0;
    const lines = [];
    for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
            if (item.spaceBefore)
                lines.push('');
            addCommentBefore(ctx, lines, item.commentBefore, false);
            if (item.comment)
                comment = item.comment;
        }
        else if (identity.isPair(item)) {
            const ik = identity.isNode(item.key) ? item.key : null;
            if (ik) {
                if (ik.spaceBefore)
                    lines.push('');
                addCommentBefore(ctx, lines, ik.commentBefore, false);
                if (ik.comment)
                    reqNewline = true;
            }
            const iv = identity.isNode(item.value) ? item.value : null;
            if (iv) {
                if (iv.comment)
                    comment = iv.comment;
                if (iv.commentBefore)
                    reqNewline = true;
            }
            else if (item.value == null && ik?.comment) {
                comment = ik.comment;
            }
        }
        if (comment)
            reqNewline = true;
        let str = stringify.stringify(item, itemCtx, () => (comment = null));
        reqNewline || (reqNewline = lines.length > linesAtValue || str.includes('\n'));
        if (i < items.length - 1) {
            str += ',';
        }
        else if (ctx.options.trailingComma) {
            if (ctx.options.lineWidth > 0) {
                reqNewline || (reqNewline = lines.reduce((sum, line) => sum + line.length + 2, 2) +
                    (str.length + 2) >
                    ctx.options.lineWidth);
            }
            if (reqNewline) {
                str += ',';
            }
        }
        if (comment)
            str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        lines.push(str);
        linesAtValue = lines.length;
    }
    const { start, end } = flowChars;
    if (lines.length === 0) {
        return start + end;
    }
    else {
        if (!reqNewline) {
            const len = lines.reduce((sum, line) => sum + line.length + 2, 2);
            reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
        }
        if (reqNewline) {
            let str = start;
            for (const line of lines)
                str += line ? `\n${indentStep}${indent}${line}` : '\n';
            return `${str}\n${indent}${end}`;
        }
        else {
            return `${start}${fcPadding}${lines.join(' ')}${fcPadding}${end}`;
        }
    }
}
function addCommentBefore({ indent, options: { commentString } }, lines, comment, chompKeep) {
    if (comment && chompKeep)
        comment = comment.replace(/^\n+/, '');
    if (comment) {
        const ic = stringifyComment.indentComment(commentString(comment), indent);
        lines.push(ic.trimStart()); // Avoid double indent on first line
    }
}

exports.stringifyCollection = stringifyCollection;


/***/ }),

/***/ 9799:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Stringifies a comment.
 *
 * Empty comment lines are left empty,
 * lines consisting of a single space are replaced by `#`,
 * and all other lines are prefixed with a `#`.
 */
const stringifyComment = (str) => str.replace(/^(?!$)(?: $)?/gm, '#');
function indentComment(comment, indent) {
    if (/^\n+$/.test(comment))
        return comment.substring(1);
    return indent ? comment.replace(/^(?! *$)/gm, indent) : comment;
}
const lineComment = (str, indent, comment) => str.endsWith('\n')
    ? indentComment(comment, indent)
    : comment.includes('\n')
        ? '\n' + indentComment(comment, indent)
        : (str.endsWith(' ') ? '' : ' ') + comment;

exports.indentComment = indentComment;
exports.lineComment = lineComment;
exports.stringifyComment = stringifyComment;


/***/ }),

/***/ 6829:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var stringify = __nccwpck_require__(2148);
var stringifyComment = __nccwpck_require__(9799);

function stringifyDocument(doc, options) {
    const lines = [];
    let hasDirectives = options.directives === true;
    if (options.directives !== false && doc.directives) {
        const dir = doc.directives.toString(doc);
        if (dir) {
            lines.push(dir);
            hasDirectives = true;
        }
        else if (doc.directives.docStart)
            hasDirectives = true;
    }
    if (hasDirectives)
        lines.push('---');
    const ctx = stringify.createStringifyContext(doc, options);
    const { commentString } = ctx.options;
    if (doc.commentBefore) {
        if (lines.length !== 1)
            lines.unshift('');
        const cs = commentString(doc.commentBefore);
        lines.unshift(stringifyComment.indentComment(cs, ''));
    }
    let chompKeep = false;
    let contentComment = null;
    if (doc.contents) {
        if (identity.isNode(doc.contents)) {
            if (doc.contents.spaceBefore && hasDirectives)
                lines.push('');
            if (doc.contents.commentBefore) {
                const cs = commentString(doc.contents.commentBefore);
                lines.push(stringifyComment.indentComment(cs, ''));
            }
            // top-level block scalars need to be indented if followed by a comment
            ctx.forceBlockIndent = !!doc.comment;
            contentComment = doc.contents.comment;
        }
        const onChompKeep = contentComment ? undefined : () => (chompKeep = true);
        let body = stringify.stringify(doc.contents, ctx, () => (contentComment = null), onChompKeep);
        if (contentComment)
            body += stringifyComment.lineComment(body, '', commentString(contentComment));
        if ((body[0] === '|' || body[0] === '>') &&
            lines[lines.length - 1] === '---') {
            // Top-level block scalars with a preceding doc marker ought to use the
            // same line for their header.
            lines[lines.length - 1] = `--- ${body}`;
        }
        else
            lines.push(body);
    }
    else {
        lines.push(stringify.stringify(doc.contents, ctx));
    }
    if (doc.directives?.docEnd) {
        if (doc.comment) {
            const cs = commentString(doc.comment);
            if (cs.includes('\n')) {
                lines.push('...');
                lines.push(stringifyComment.indentComment(cs, ''));
            }
            else {
                lines.push(`... ${cs}`);
            }
        }
        else {
            lines.push('...');
        }
    }
    else {
        let dc = doc.comment;
        if (dc && chompKeep)
            dc = dc.replace(/^\n+/, '');
        if (dc) {
            if ((!chompKeep || contentComment) && lines[lines.length - 1] !== '')
                lines.push('');
            lines.push(stringifyComment.indentComment(commentString(dc), ''));
        }
    }
    return lines.join('\n') + '\n';
}

exports.stringifyDocument = stringifyDocument;


/***/ }),

/***/ 8689:
/***/ ((__unused_webpack_module, exports) => {



function stringifyNumber({ format, minFractionDigits, tag, value }) {
    if (typeof value === 'bigint')
        return String(value);
    const num = typeof value === 'number' ? value : Number(value);
    if (!isFinite(num))
        return isNaN(num) ? '.nan' : num < 0 ? '-.inf' : '.inf';
    let n = Object.is(value, -0) ? '-0' : JSON.stringify(value);
    if (!format &&
        minFractionDigits &&
        (!tag || tag === 'tag:yaml.org,2002:float') &&
        /^-?\d/.test(n) &&
        !n.includes('e')) {
        let i = n.indexOf('.');
        if (i < 0) {
            i = n.length;
            n += '.';
        }
        let d = minFractionDigits - (n.length - i - 1);
        while (d-- > 0)
            n += '0';
    }
    return n;
}

exports.stringifyNumber = stringifyNumber;


/***/ }),

/***/ 9748:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var stringify = __nccwpck_require__(2148);
var stringifyComment = __nccwpck_require__(9799);

function stringifyPair({ key, value }, ctx, onComment, onChompKeep) {
    const { allNullValues, doc, indent, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
    let keyComment = (identity.isNode(key) && key.comment) || null;
    if (simpleKeys) {
        if (keyComment) {
            throw new Error('With simple keys, key nodes cannot have comments');
        }
        if (identity.isCollection(key) || (!identity.isNode(key) && typeof key === 'object')) {
            const msg = 'With simple keys, collection cannot be used as a key value';
            throw new Error(msg);
        }
    }
    let explicitKey = !simpleKeys &&
        (!key ||
            (keyComment && value == null && !ctx.inFlow) ||
            identity.isCollection(key) ||
            (identity.isScalar(key)
                ? key.type === Scalar.Scalar.BLOCK_FOLDED || key.type === Scalar.Scalar.BLOCK_LITERAL
                : typeof key === 'object'));
    ctx = Object.assign({}, ctx, {
        allNullValues: false,
        implicitKey: !explicitKey && (simpleKeys || !allNullValues),
        indent: indent + indentStep
    });
    let keyCommentDone = false;
    let chompKeep = false;
    let str = stringify.stringify(key, ctx, () => (keyCommentDone = true), () => (chompKeep = true));
    if (!explicitKey && !ctx.inFlow && str.length > 1024) {
        if (simpleKeys)
            throw new Error('With simple keys, single line scalar must not span more than 1024 characters');
        explicitKey = true;
    }
    if (ctx.inFlow) {
        if (allNullValues || value == null) {
            if (keyCommentDone && onComment)
                onComment();
            return str === '' ? '?' : explicitKey ? `? ${str}` : str;
        }
    }
    else if ((allNullValues && !simpleKeys) || (value == null && explicitKey)) {
        str = `? ${str}`;
        if (keyComment && !keyCommentDone) {
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        }
        else if (chompKeep && onChompKeep)
            onChompKeep();
        return str;
    }
    if (keyCommentDone)
        keyComment = null;
    if (explicitKey) {
        if (keyComment)
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        str = `? ${str}\n${indent}:`;
    }
    else {
        str = `${str}:`;
        if (keyComment)
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
    }
    let vsb, vcb, valueComment;
    if (identity.isNode(value)) {
        vsb = !!value.spaceBefore;
        vcb = value.commentBefore;
        valueComment = value.comment;
    }
    else {
        vsb = false;
        vcb = null;
        valueComment = null;
        if (value && typeof value === 'object')
            value = doc.createNode(value);
    }
    ctx.implicitKey = false;
    if (!explicitKey && !keyComment && identity.isScalar(value))
        ctx.indentAtStart = str.length + 1;
    chompKeep = false;
    if (!indentSeq &&
        indentStep.length >= 2 &&
        !ctx.inFlow &&
        !explicitKey &&
        identity.isSeq(value) &&
        !value.flow &&
        !value.tag &&
        !value.anchor) {
        // If indentSeq === false, consider '- ' as part of indentation where possible
        ctx.indent = ctx.indent.substring(2);
    }
    let valueCommentDone = false;
    const valueStr = stringify.stringify(value, ctx, () => (valueCommentDone = true), () => (chompKeep = true));
    let ws = ' ';
    if (keyComment || vsb || vcb) {
        ws = vsb ? '\n' : '';
        if (vcb) {
            const cs = commentString(vcb);
            ws += `\n${stringifyComment.indentComment(cs, ctx.indent)}`;
        }
        if (valueStr === '' && !ctx.inFlow) {
            if (ws === '\n' && valueComment)
                ws = '\n\n';
        }
        else {
            ws += `\n${ctx.indent}`;
        }
    }
    else if (!explicitKey && identity.isCollection(value)) {
        const vs0 = valueStr[0];
        const nl0 = valueStr.indexOf('\n');
        const hasNewline = nl0 !== -1;
        const flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
        if (hasNewline || !flow) {
            let hasPropsLine = false;
            if (hasNewline && (vs0 === '&' || vs0 === '!')) {
                let sp0 = valueStr.indexOf(' ');
                if (vs0 === '&' &&
                    sp0 !== -1 &&
                    sp0 < nl0 &&
                    valueStr[sp0 + 1] === '!') {
                    sp0 = valueStr.indexOf(' ', sp0 + 1);
                }
                if (sp0 === -1 || nl0 < sp0)
                    hasPropsLine = true;
            }
            if (!hasPropsLine)
                ws = `\n${ctx.indent}`;
        }
    }
    else if (valueStr === '' || valueStr[0] === '\n') {
        ws = '';
    }
    str += ws + valueStr;
    if (ctx.inFlow) {
        if (valueCommentDone && onComment)
            onComment();
    }
    else if (valueComment && !valueCommentDone) {
        str += stringifyComment.lineComment(str, ctx.indent, commentString(valueComment));
    }
    else if (chompKeep && onChompKeep) {
        onChompKeep();
    }
    return str;
}

exports.stringifyPair = stringifyPair;


/***/ }),

/***/ 3069:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var foldFlowLines = __nccwpck_require__(4475);

const getFoldOptions = (ctx, isBlock) => ({
    indentAtStart: isBlock ? ctx.indent.length : ctx.indentAtStart,
    lineWidth: ctx.options.lineWidth,
    minContentWidth: ctx.options.minContentWidth
});
// Also checks for lines starting with %, as parsing the output as YAML 1.1 will
// presume that's starting a new document.
const containsDocumentMarker = (str) => /^(%|---|\.\.\.)/m.test(str);
function lineLengthOverLimit(str, lineWidth, indentLength) {
    if (!lineWidth || lineWidth < 0)
        return false;
    const limit = lineWidth - indentLength;
    const strLen = str.length;
    if (strLen <= limit)
        return false;
    for (let i = 0, start = 0; i < strLen; ++i) {
        if (str[i] === '\n') {
            if (i - start > limit)
                return true;
            start = i + 1;
            if (strLen - start <= limit)
                return false;
        }
    }
    return true;
}
function doubleQuotedString(value, ctx) {
    const json = JSON.stringify(value);
    if (ctx.options.doubleQuotedAsJSON)
        return json;
    const { implicitKey } = ctx;
    const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
    const indent = ctx.indent || (containsDocumentMarker(value) ? '  ' : '');
    let str = '';
    let start = 0;
    for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
        if (ch === ' ' && json[i + 1] === '\\' && json[i + 2] === 'n') {
            // space before newline needs to be escaped to not be folded
            str += json.slice(start, i) + '\\ ';
            i += 1;
            start = i;
            ch = '\\';
        }
        if (ch === '\\')
            switch (json[i + 1]) {
                case 'u':
                    {
                        str += json.slice(start, i);
                        const code = json.substr(i + 2, 4);
                        switch (code) {
                            case '0000':
                                str += '\\0';
                                break;
                            case '0007':
                                str += '\\a';
                                break;
                            case '000b':
                                str += '\\v';
                                break;
                            case '001b':
                                str += '\\e';
                                break;
                            case '0085':
                                str += '\\N';
                                break;
                            case '00a0':
                                str += '\\_';
                                break;
                            case '2028':
                                str += '\\L';
                                break;
                            case '2029':
                                str += '\\P';
                                break;
                            default:
                                if (code.substr(0, 2) === '00')
                                    str += '\\x' + code.substr(2);
                                else
                                    str += json.substr(i, 6);
                        }
                        i += 5;
                        start = i + 1;
                    }
                    break;
                case 'n':
                    if (implicitKey ||
                        json[i + 2] === '"' ||
                        json.length < minMultiLineLength) {
                        i += 1;
                    }
                    else {
                        // folding will eat first newline
                        str += json.slice(start, i) + '\n\n';
                        while (json[i + 2] === '\\' &&
                            json[i + 3] === 'n' &&
                            json[i + 4] !== '"') {
                            str += '\n';
                            i += 2;
                        }
                        str += indent;
                        // space after newline needs to be escaped to not be folded
                        if (json[i + 2] === ' ')
                            str += '\\';
                        i += 1;
                        start = i + 1;
                    }
                    break;
                default:
                    i += 1;
            }
    }
    str = start ? str + json.slice(start) : json;
    return implicitKey
        ? str
        : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_QUOTED, getFoldOptions(ctx, false));
}
function singleQuotedString(value, ctx) {
    if (ctx.options.singleQuote === false ||
        (ctx.implicitKey && value.includes('\n')) ||
        /[ \t]\n|\n[ \t]/.test(value) // single quoted string can't have leading or trailing whitespace around newline
    )
        return doubleQuotedString(value, ctx);
    const indent = ctx.indent || (containsDocumentMarker(value) ? '  ' : '');
    const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&\n${indent}`) + "'";
    return ctx.implicitKey
        ? res
        : foldFlowLines.foldFlowLines(res, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
}
function quotedString(value, ctx) {
    const { singleQuote } = ctx.options;
    let qs;
    if (singleQuote === false)
        qs = doubleQuotedString;
    else {
        const hasDouble = value.includes('"');
        const hasSingle = value.includes("'");
        if (hasDouble && !hasSingle)
            qs = singleQuotedString;
        else if (hasSingle && !hasDouble)
            qs = doubleQuotedString;
        else
            qs = singleQuote ? singleQuotedString : doubleQuotedString;
    }
    return qs(value, ctx);
}
// The negative lookbehind avoids a polynomial search,
// but isn't supported yet on Safari: https://caniuse.com/js-regexp-lookbehind
let blockEndNewlines;
try {
    blockEndNewlines = new RegExp('(^|(?<!\n))\n+(?!\n|$)', 'g');
}
catch {
    blockEndNewlines = /\n+(?!\n|$)/g;
}
function blockString({ comment, type, value }, ctx, onComment, onChompKeep) {
    const { blockQuote, commentString, lineWidth } = ctx.options;
    // 1. Block can't end in whitespace unless the last line is non-empty.
    // 2. Strings consisting of only whitespace are best rendered explicitly.
    if (!blockQuote || /\n[\t ]+$/.test(value)) {
        return quotedString(value, ctx);
    }
    const indent = ctx.indent ||
        (ctx.forceBlockIndent || containsDocumentMarker(value) ? '  ' : '');
    const literal = blockQuote === 'literal'
        ? true
        : blockQuote === 'folded' || type === Scalar.Scalar.BLOCK_FOLDED
            ? false
            : type === Scalar.Scalar.BLOCK_LITERAL
                ? true
                : !lineLengthOverLimit(value, lineWidth, indent.length);
    if (!value)
        return literal ? '|\n' : '>\n';
    // determine chomping from whitespace at value end
    let chomp;
    let endStart;
    for (endStart = value.length; endStart > 0; --endStart) {
        const ch = value[endStart - 1];
        if (ch !== '\n' && ch !== '\t' && ch !== ' ')
            break;
    }
    let end = value.substring(endStart);
    const endNlPos = end.indexOf('\n');
    if (endNlPos === -1) {
        chomp = '-'; // strip
    }
    else if (value === end || endNlPos !== end.length - 1) {
        chomp = '+'; // keep
        if (onChompKeep)
            onChompKeep();
    }
    else {
        chomp = ''; // clip
    }
    if (end) {
        value = value.slice(0, -end.length);
        if (end[end.length - 1] === '\n')
            end = end.slice(0, -1);
        end = end.replace(blockEndNewlines, `$&${indent}`);
    }
    // determine indent indicator from whitespace at value start
    let startWithSpace = false;
    let startEnd;
    let startNlPos = -1;
    for (startEnd = 0; startEnd < value.length; ++startEnd) {
        const ch = value[startEnd];
        if (ch === ' ')
            startWithSpace = true;
        else if (ch === '\n')
            startNlPos = startEnd;
        else
            break;
    }
    let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
    if (start) {
        value = value.substring(start.length);
        start = start.replace(/\n+/g, `$&${indent}`);
    }
    const indentSize = indent ? '2' : '1'; // root is at -1
    // Leading | or > is added later
    let header = (startWithSpace ? indentSize : '') + chomp;
    if (comment) {
        header += ' ' + commentString(comment.replace(/ ?[\r\n]+/g, ' '));
        if (onComment)
            onComment();
    }
    if (!literal) {
        const foldedValue = value
            .replace(/\n+/g, '\n$&')
            .replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, '$1$2') // more-indented lines aren't folded
            //                ^ more-ind. ^ empty     ^ capture next empty lines only at end of indent
            .replace(/\n+/g, `$&${indent}`);
        let literalFallback = false;
        const foldOptions = getFoldOptions(ctx, true);
        if (blockQuote !== 'folded' && type !== Scalar.Scalar.BLOCK_FOLDED) {
            foldOptions.onOverflow = () => {
                literalFallback = true;
            };
        }
        const body = foldFlowLines.foldFlowLines(`${start}${foldedValue}${end}`, indent, foldFlowLines.FOLD_BLOCK, foldOptions);
        if (!literalFallback)
            return `>${header}\n${indent}${body}`;
    }
    value = value.replace(/\n+/g, `$&${indent}`);
    return `|${header}\n${indent}${start}${value}${end}`;
}
function plainString(item, ctx, onComment, onChompKeep) {
    const { type, value } = item;
    const { actualString, implicitKey, indent, indentStep, inFlow } = ctx;
    if ((implicitKey && value.includes('\n')) ||
        (inFlow && /[[\]{},]/.test(value))) {
        return quotedString(value, ctx);
    }
    if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
        // not allowed:
        // - '-' or '?'
        // - start with an indicator character (except [?:-]) or /[?-] /
        // - '\n ', ': ' or ' \n' anywhere
        // - '#' not preceded by a non-space char
        // - end with ' ' or ':'
        return implicitKey || inFlow || !value.includes('\n')
            ? quotedString(value, ctx)
            : blockString(item, ctx, onComment, onChompKeep);
    }
    if (!implicitKey &&
        !inFlow &&
        type !== Scalar.Scalar.PLAIN &&
        value.includes('\n')) {
        // Where allowed & type not set explicitly, prefer block style for multiline strings
        return blockString(item, ctx, onComment, onChompKeep);
    }
    if (containsDocumentMarker(value)) {
        if (indent === '') {
            ctx.forceBlockIndent = true;
            return blockString(item, ctx, onComment, onChompKeep);
        }
        else if (implicitKey && indent === indentStep) {
            return quotedString(value, ctx);
        }
    }
    const str = value.replace(/\n+/g, `$&\n${indent}`);
    // Verify that output will be parsed as a string, as e.g. plain numbers and
    // booleans get parsed with those types in v1.2 (e.g. '42', 'true' & '0.9e-3'),
    // and others in v1.1.
    if (actualString) {
        const test = (tag) => tag.default && tag.tag !== 'tag:yaml.org,2002:str' && tag.test?.test(str);
        const { compat, tags } = ctx.doc.schema;
        if (tags.some(test) || compat?.some(test))
            return quotedString(value, ctx);
    }
    return implicitKey
        ? str
        : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
}
function stringifyString(item, ctx, onComment, onChompKeep) {
    const { implicitKey, inFlow } = ctx;
    const ss = typeof item.value === 'string'
        ? item
        : Object.assign({}, item, { value: String(item.value) });
    let { type } = item;
    if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
        // force double quotes on control characters & unpaired surrogates
        if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value))
            type = Scalar.Scalar.QUOTE_DOUBLE;
    }
    const _stringify = (_type) => {
        switch (_type) {
            case Scalar.Scalar.BLOCK_FOLDED:
            case Scalar.Scalar.BLOCK_LITERAL:
                return implicitKey || inFlow
                    ? quotedString(ss.value, ctx) // blocks are not valid inside flow containers
                    : blockString(ss, ctx, onComment, onChompKeep);
            case Scalar.Scalar.QUOTE_DOUBLE:
                return doubleQuotedString(ss.value, ctx);
            case Scalar.Scalar.QUOTE_SINGLE:
                return singleQuotedString(ss.value, ctx);
            case Scalar.Scalar.PLAIN:
                return plainString(ss, ctx, onComment, onChompKeep);
            default:
                return null;
        }
    };
    let res = _stringify(type);
    if (res === null) {
        const { defaultKeyType, defaultStringType } = ctx.options;
        const t = (implicitKey && defaultKeyType) || defaultStringType;
        res = _stringify(t);
        if (res === null)
            throw new Error(`Unsupported default string type ${t}`);
    }
    return res;
}

exports.stringifyString = stringifyString;


/***/ }),

/***/ 204:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);

const BREAK = Symbol('break visit');
const SKIP = Symbol('skip children');
const REMOVE = Symbol('remove node');
/**
 * Apply a visitor to an AST node or document.
 *
 * Walks through the tree (depth-first) starting from `node`, calling a
 * `visitor` function with three arguments:
 *   - `key`: For sequence values and map `Pair`, the node's index in the
 *     collection. Within a `Pair`, `'key'` or `'value'`, correspondingly.
 *     `null` for the root node.
 *   - `node`: The current node.
 *   - `path`: The ancestry of the current node.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this node, continue with next
 *     sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current node, then continue with the next one
 *   - `Node`: Replace the current node, then continue by visiting it
 *   - `number`: While iterating the items of a sequence or map, set the index
 *     of the next step. This is useful especially if the index of the current
 *     node has changed.
 *
 * If `visitor` is a single function, it will be called with all values
 * encountered in the tree, including e.g. `null` values. Alternatively,
 * separate visitor functions may be defined for each `Map`, `Pair`, `Seq`,
 * `Alias` and `Scalar` node. To define the same visitor function for more than
 * one node type, use the `Collection` (map and seq), `Value` (map, seq & scalar)
 * and `Node` (alias, map, seq & scalar) targets. Of all these, only the most
 * specific defined one will be used for each node.
 */
function visit(node, visitor) {
    const visitor_ = initVisitor(visitor);
    if (identity.isDocument(node)) {
        const cd = visit_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
            node.contents = null;
    }
    else
        visit_(null, node, visitor_, Object.freeze([]));
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visit.BREAK = BREAK;
/** Do not visit the children of the current node */
visit.SKIP = SKIP;
/** Remove the current node */
visit.REMOVE = REMOVE;
function visit_(key, node, visitor, path) {
    const ctrl = callVisitor(key, node, visitor, path);
    if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visit_(key, ctrl, visitor, path);
    }
    if (typeof ctrl !== 'symbol') {
        if (identity.isCollection(node)) {
            path = Object.freeze(path.concat(node));
            for (let i = 0; i < node.items.length; ++i) {
                const ci = visit_(i, node.items[i], visitor, path);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    node.items.splice(i, 1);
                    i -= 1;
                }
            }
        }
        else if (identity.isPair(node)) {
            path = Object.freeze(path.concat(node));
            const ck = visit_('key', node.key, visitor, path);
            if (ck === BREAK)
                return BREAK;
            else if (ck === REMOVE)
                node.key = null;
            const cv = visit_('value', node.value, visitor, path);
            if (cv === BREAK)
                return BREAK;
            else if (cv === REMOVE)
                node.value = null;
        }
    }
    return ctrl;
}
/**
 * Apply an async visitor to an AST node or document.
 *
 * Walks through the tree (depth-first) starting from `node`, calling a
 * `visitor` function with three arguments:
 *   - `key`: For sequence values and map `Pair`, the node's index in the
 *     collection. Within a `Pair`, `'key'` or `'value'`, correspondingly.
 *     `null` for the root node.
 *   - `node`: The current node.
 *   - `path`: The ancestry of the current node.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `Promise`: Must resolve to one of the following values
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this node, continue with next
 *     sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current node, then continue with the next one
 *   - `Node`: Replace the current node, then continue by visiting it
 *   - `number`: While iterating the items of a sequence or map, set the index
 *     of the next step. This is useful especially if the index of the current
 *     node has changed.
 *
 * If `visitor` is a single function, it will be called with all values
 * encountered in the tree, including e.g. `null` values. Alternatively,
 * separate visitor functions may be defined for each `Map`, `Pair`, `Seq`,
 * `Alias` and `Scalar` node. To define the same visitor function for more than
 * one node type, use the `Collection` (map and seq), `Value` (map, seq & scalar)
 * and `Node` (alias, map, seq & scalar) targets. Of all these, only the most
 * specific defined one will be used for each node.
 */
async function visitAsync(node, visitor) {
    const visitor_ = initVisitor(visitor);
    if (identity.isDocument(node)) {
        const cd = await visitAsync_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
            node.contents = null;
    }
    else
        await visitAsync_(null, node, visitor_, Object.freeze([]));
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visitAsync.BREAK = BREAK;
/** Do not visit the children of the current node */
visitAsync.SKIP = SKIP;
/** Remove the current node */
visitAsync.REMOVE = REMOVE;
async function visitAsync_(key, node, visitor, path) {
    const ctrl = await callVisitor(key, node, visitor, path);
    if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visitAsync_(key, ctrl, visitor, path);
    }
    if (typeof ctrl !== 'symbol') {
        if (identity.isCollection(node)) {
            path = Object.freeze(path.concat(node));
            for (let i = 0; i < node.items.length; ++i) {
                const ci = await visitAsync_(i, node.items[i], visitor, path);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    node.items.splice(i, 1);
                    i -= 1;
                }
            }
        }
        else if (identity.isPair(node)) {
            path = Object.freeze(path.concat(node));
            const ck = await visitAsync_('key', node.key, visitor, path);
            if (ck === BREAK)
                return BREAK;
            else if (ck === REMOVE)
                node.key = null;
            const cv = await visitAsync_('value', node.value, visitor, path);
            if (cv === BREAK)
                return BREAK;
            else if (cv === REMOVE)
                node.value = null;
        }
    }
    return ctrl;
}
function initVisitor(visitor) {
    if (typeof visitor === 'object' &&
        (visitor.Collection || visitor.Node || visitor.Value)) {
        return Object.assign({
            Alias: visitor.Node,
            Map: visitor.Node,
            Scalar: visitor.Node,
            Seq: visitor.Node
        }, visitor.Value && {
            Map: visitor.Value,
            Scalar: visitor.Value,
            Seq: visitor.Value
        }, visitor.Collection && {
            Map: visitor.Collection,
            Seq: visitor.Collection
        }, visitor);
    }
    return visitor;
}
function callVisitor(key, node, visitor, path) {
    if (typeof visitor === 'function')
        return visitor(key, node, path);
    if (identity.isMap(node))
        return visitor.Map?.(key, node, path);
    if (identity.isSeq(node))
        return visitor.Seq?.(key, node, path);
    if (identity.isPair(node))
        return visitor.Pair?.(key, node, path);
    if (identity.isScalar(node))
        return visitor.Scalar?.(key, node, path);
    if (identity.isAlias(node))
        return visitor.Alias?.(key, node, path);
    return undefined;
}
function replaceNode(key, path, node) {
    const parent = path[path.length - 1];
    if (identity.isCollection(parent)) {
        parent.items[key] = node;
    }
    else if (identity.isPair(parent)) {
        if (key === 'key')
            parent.key = node;
        else
            parent.value = node;
    }
    else if (identity.isDocument(parent)) {
        parent.contents = node;
    }
    else {
        const pt = identity.isAlias(parent) ? 'alias' : 'scalar';
        throw new Error(`Cannot replace node with ${pt} parent`);
    }
}

exports.visit = visit;
exports.visitAsync = visitAsync;


/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(5581);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ var __webpack_exports__main = __webpack_exports__.i;
/******/ export { __webpack_exports__main as main };
/******/ 
