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

/***/ 5581:
/***/ ((module, __webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   i: () => (/* binding */ main)
/* harmony export */ });
/* harmony import */ var _deploy_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(9728);
/* harmony import */ var _local_local_plan_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(4326);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(4296);
/* harmony import */ var _config_cli_args_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(1673);
/* harmony import */ var _config_help_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(871);
/* harmony import */ var _config_inputs_js__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(4389);
/* harmony import */ var _core_log_js__WEBPACK_IMPORTED_MODULE_9__ = __nccwpck_require__(4325);
/* harmony import */ var _report_report_js__WEBPACK_IMPORTED_MODULE_6__ = __nccwpck_require__(8850);
/* harmony import */ var _report_report_file_js__WEBPACK_IMPORTED_MODULE_7__ = __nccwpck_require__(6757);
/* harmony import */ var _config_settings_js__WEBPACK_IMPORTED_MODULE_8__ = __nccwpck_require__(5551);
/* harmony import */ var _signals_js__WEBPACK_IMPORTED_MODULE_11__ = __nccwpck_require__(970);
/* harmony import */ var _config_version_js__WEBPACK_IMPORTED_MODULE_10__ = __nccwpck_require__(8794);
/**
 * The npx entry: argv + FTPS_PASSWORD -> the same settings -> the same deploy as the action.
 * Exit status: 0 done, 1 the deploy failed, 2 invalid input or usage.
 */












function cliLog(verbose, secrets) {
    // In a terminal a live bar replaces the per-file lines; otherwise (CI, pipes) plain lines.
    const live = process.stderr.isTTY === true;
    let barShown = false;
    const write = (line) => {
        if (barShown)
            process.stderr.write('\r\x1b[K');
        barShown = false;
        process.stderr.write((0,_core_log_js__WEBPACK_IMPORTED_MODULE_9__/* .redact */ .E$)(line, secrets()) + '\n');
    };
    return {
        info: message => {
            if (!(live && message.startsWith('uploaded ')))
                write(message);
        },
        progress: live
            ? p => {
                const percent = p.totalBytes === 0 ? 100 : Math.floor((100 * p.bytes) / p.totalBytes);
                const filled = Math.round(percent / 5);
                process.stderr.write(`\r\x1b[K[${'#'.repeat(filled)}${'.'.repeat(20 - filled)}] ${p.files}/${p.totalFiles} files, ${(0,_report_report_js__WEBPACK_IMPORTED_MODULE_6__/* .formatBytes */ .z3)(p.bytes)} of ${(0,_report_report_js__WEBPACK_IMPORTED_MODULE_6__/* .formatBytes */ .z3)(p.totalBytes)}`);
                barShown = true;
            }
            : undefined,
        warning: message => write(`warning: ${message}`),
        debug: message => {
            if (verbose)
                write(`debug: ${message}`);
        },
        debugEnabled: verbose,
        group: async (name, fn) => {
            write(`== ${name}`);
            return fn();
        }
    };
}
/** Aborted on SIGINT or SIGTERM once a deploy is under way (a local plan just dies). */
let cancelSignal;
async function main(argv, env) {
    let secrets = [];
    let log = cliLog(false, () => secrets);
    const startedAt = new Date();
    try {
        const args = (0,_config_cli_args_js__WEBPACK_IMPORTED_MODULE_3__/* .parseArgs */ .Zy)(argv);
        if (args.help) {
            process.stdout.write((0,_config_help_js__WEBPACK_IMPORTED_MODULE_4__/* .helpText */ .BK)() + '\n');
            return 0;
        }
        if (args.version) {
            process.stdout.write(`ftps-deploy ${_config_version_js__WEBPACK_IMPORTED_MODULE_10__/* .VERSION */ .x}\n`);
            return 0;
        }
        log = cliLog(args.verbose, () => secrets);
        const password = env.FTPS_PASSWORD ?? '';
        secrets = [password];
        const read = (name) => (name === _config_inputs_js__WEBPACK_IMPORTED_MODULE_5__/* .Inputs */ .G0.Password ? password : (args.values[name] ?? '').trim());
        const localOnly = (args.values[_config_inputs_js__WEBPACK_IMPORTED_MODULE_5__/* .Inputs */ .G0.Host] ?? '') === '';
        const settings = (0,_config_settings_js__WEBPACK_IMPORTED_MODULE_8__/* .parseSettings */ .P)(read, { requireHost: !localOnly });
        if (localOnly && !settings.dryRun) {
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`Invalid host '': expected a server name or IP address (required unless --dry-run)`);
        }
        const result = localOnly
            ? await (0,_local_local_plan_js__WEBPACK_IMPORTED_MODULE_1__/* .planLocal */ .d)(settings, log)
            : await (0,_deploy_js__WEBPACK_IMPORTED_MODULE_0__/* .deploy */ .g)(settings, log, undefined, (cancelSignal = (0,_signals_js__WEBPACK_IMPORTED_MODULE_11__/* .cancelOnSignals */ .dJ)()));
        // No file unless asked for: a terminal has no 1 MB limit to work around (--json holds it all).
        if (settings.reportFile)
            (0,_report_report_file_js__WEBPACK_IMPORTED_MODULE_7__/* .writeReport */ .u5)(settings.reportFile, (0,_report_report_file_js__WEBPACK_IMPORTED_MODULE_7__/* .reportOf */ .EI)(result, settings.host, startedAt, new Date()));
        const outputs = (0,_report_report_js__WEBPACK_IMPORTED_MODULE_6__/* .outputsOf */ .Yz)(result, settings.reportFile ?? '');
        if (args.json)
            process.stdout.write(JSON.stringify(outputs) + '\n');
        else {
            const verb = result.dryRun ? 'would upload' : 'uploaded';
            process.stdout.write(`${verb} ${result.uploaded.length} file(s), ${result.bytesUploaded} bytes\n`);
        }
        return 0;
    }
    catch (err) {
        log.info(`error: ${(0,_core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .describeError */ .Uc)(err)}`);
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
    (0,_signals_js__WEBPACK_IMPORTED_MODULE_11__/* .exitIfCancelled */ .Fo)(cancelSignal, process.exitCode);

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 1673:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  nh: () => (/* binding */ FLAG_INPUTS),
  f5: () => (/* binding */ OTHER_FLAGS),
  Zy: () => (/* binding */ parseArgs)
});

// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __nccwpck_require__(4296);
// EXTERNAL MODULE: ./src/config/inputs.ts
var inputs = __nccwpck_require__(4389);
;// CONCATENATED MODULE: ./src/config/suggest.ts
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

;// CONCATENATED MODULE: ./src/config/cli-args.ts
/** The CLI's command line: flags named after the action's inputs, plus --json, --help, --version. */



const FLAG_INPUTS = Object.values(inputs/* Inputs */.G0).filter(name => name !== inputs/* Inputs */.G0.Password);
/** The flags that are not inputs, with their help lines. */
const OTHER_FLAGS = {
    json: 'print the outputs as one JSON object on stdout',
    verbose: 'print the FTP protocol log on stderr (the password is never shown)',
    help: 'show this help',
    version: 'print the version'
};
function unknownFlag(name) {
    const meant = suggestFlag(name, [...FLAG_INPUTS, ...Object.keys(OTHER_FLAGS)]);
    return new errors/* InputError */.dz(`Unknown option --${name}${meant ? `: did you mean --${meant}?` : ''} (see --help)`);
}
/** Parses `--name value`, `--name=value`, and bare `--flag` for booleans. Throws InputError. */
function parseArgs(argv) {
    const args = { values: {}, json: false, verbose: false, help: false, version: false };
    for (let i = 0; i < argv.length; i++) {
        const token = argv[i];
        const match = /^--([a-z0-9-]+)(?:=([\s\S]*))?$/i.exec(token);
        if (!match)
            throw new errors/* InputError */.dz(`Unexpected argument '${token}': every input is a --flag (see --help)`);
        const [, name, inline] = match;
        if (name === inputs/* Inputs */.G0.Password) {
            // argv is visible to every user of the machine (ps): the value is never echoed.
            throw new errors/* InputError */.dz('--password is not accepted: pass the password in the FTPS_PASSWORD environment variable');
        }
        if (Object.prototype.hasOwnProperty.call(OTHER_FLAGS, name)) {
            if (inline !== undefined)
                throw new errors/* InputError */.dz(`--${name} takes no value`);
            args[name] = true;
            continue;
        }
        if (!FLAG_INPUTS.includes(name))
            throw unknownFlag(name);
        const input = name;
        let value = inline;
        if (value === undefined) {
            // verify also takes a word: `--verify hash` reads as users mean it.
            if (input === inputs/* Inputs */.G0.Verify && argv[i + 1] === 'hash')
                value = argv[++i];
            else if (inputs/* BooleanInputs */.ir.includes(input))
                value = 'true';
            else if (i + 1 < argv.length)
                value = argv[++i];
            else
                throw new errors/* InputError */.dz(`--${name} needs a value`);
        }
        // A repeated --files adds patterns, as lines of the action's input do.
        args.values[input] =
            input === inputs/* Inputs */.G0.Files && args.values[input] !== undefined ? `${args.values[input]}\n${value}` : value;
    }
    return args;
}


/***/ }),

/***/ 871:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  BK: () => (/* binding */ helpText)
});

// UNUSED EXPORTS: DESCRIPTION_INDENT, HELP_WIDTH, wrap

// EXTERNAL MODULE: ./src/config/cli-args.ts + 1 modules
var cli_args = __nccwpck_require__(1673);
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
        '',
        'Every flag is an input of the GitHub Action, with the same name and meaning: --name VALUE or',
        '--name=VALUE. A boolean flag alone means true (--dry-run); --atomic=false turns one off.',
        'Repeat --files for several patterns. The password is read from the FTPS_PASSWORD environment',
        'variable, never from a flag.',
        ...groups.flatMap(group => ['', `${group}:`, ...docs.filter(doc => doc.group === group).flatMap(flagLines)]),
        '',
        'Output:',
        ...Object.entries(cli_args/* OTHER_FLAGS */.f5).map(([name, text]) => `  --${name.padEnd(10)}${text}`),
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
    ReportFile: 'report-file'
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
    'report-file': ''
};
/** Inputs that take true/false (verify also takes hash: `--verify` alone still means true). */
const BooleanInputs = [
    Inputs.TlsVerify,
    Inputs.FollowSymlinks,
    Inputs.Delete,
    Inputs.DryRun,
    Inputs.Lock,
    Inputs.Atomic,
    Inputs.Verify
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
        atomic: bool(inputs/* Inputs */.G0.Atomic),
        verify: verify.size,
        verifyHash: verify.hash,
        fileMode: parseMode(inputs/* Inputs */.G0.FileMode, get(inputs/* Inputs */.G0.FileMode)),
        dirMode: parseMode(inputs/* Inputs */.G0.DirMode, get(inputs/* Inputs */.G0.DirMode)),
        reportFile: reportFile === '' ? undefined : (0,external_node_path_.resolve)(cwd, reportFile),
        listing: oneOf(inputs/* Inputs */.G0.Listing, get(inputs/* Inputs */.G0.Listing), { flat: 'flat', recursive: 'recursive', none: 'none' })
    };
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
/* harmony export */   nX: () => (/* binding */ copyManifest),
/* harmony export */   r7: () => (/* binding */ manifestBackupName)
/* harmony export */ });
/* unused harmony export emptyManifest */
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

/***/ 9728:
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
 * phase ends (new files, then replacements: the plan's order).
 */




class Replacer {
    server;
    names;
    /** This run's temporaries not yet renamed or removed: removed at the end (`cleanUp`). */
    temps = new Set();
    /** Checked, rename pending: carried by the next write (the state `cutover: end` holds longer). */
    checked = [];
    /** A rename worked in this run: a later refusal is one file's, not the server's. */
    renamed = false;
    constructor(server, names) {
        this.server = server;
        this.names = names;
    }
    get mode() {
        return this.server.replace;
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
                if (this.server.pipelining &&
                    checks.stored === undefined &&
                    (checks.mode === undefined || this.server.chmodWorks)) {
                    const size = checks.verifySize ? sent.size : undefined;
                    await this.together(session, { path: temp, name: checks.name, mode: checks.mode, size });
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
                    await this.checkStored(session, checks, temp, sent);
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
                .run(`Putting ${shown} in place`, session => this.together(session))
                .catch((err) => {
                throw ofFile(err, names[0]);
            });
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
    /**
     * One write: the renames of the checked files pending, then `check` of a temporary just
     * uploaded (with the next transfer's port). Each rename's outcome is its own file's; the
     * check's failure is thrown after them.
     */
    async together(session, check) {
        const riding = this.checked.splice(0);
        const clearFirst = this.server.replace === 'delete-then-rename';
        let done;
        try {
            done = await session.commit({ renames: riding.map(c => ({ from: c.temp, to: c.target, clearFirst })), check });
        }
        catch (err) {
            // The write is lost: each rename may or may not have happened; the next write tells.
            for (const c of riding)
                c.inDoubt = true;
            this.checked.unshift(...riding);
            throw err;
        }
        for (const [i, c] of riding.entries()) {
            try {
                await this.renamedOrNot(session, c, done.renames[i]);
            }
            catch (err) {
                // Where its fallback stopped is not known: it goes anew with a later write (or the run stops).
                c.inDoubt = true;
                this.checked.unshift(...riding.slice(i));
                throw ofFile(err, c.name);
            }
        }
        if (done.failure !== undefined)
            throw done.failure;
    }
    /** After a write carried c's rename: live, or again later (4xx), or its fallbacks (5xx). */
    async renamedOrNot(session, c, refusal) {
        if (refusal === undefined) {
            this.renamed = true;
            this.settled(c.temp);
            return c.live();
        }
        if (!renameRefused(refusal)) {
            if (++c.tries >= RENAME_TRIES)
                throw new errors/* DeployError */.sH(refusal.message, { ...refusal.details, transient: false });
            this.checked.push(c);
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
    /** This run's temporaries still on the server as far as it knows (after `cleanUp`: those it could not remove). */
    get unsettled() {
        return [...this.temps];
    }
    /** Removes this run's temporaries that failed attempts left behind, checked ones not yet live included (best effort). */
    async cleanUp(pool) {
        this.checked.length = 0;
        for (const temp of [...this.temps]) {
            await pool
                // A refusal (550) says it is not there (pure-ftpd removes an upload over quota itself).
                .run(`Removing ${temp}`, session => quietly(session.remove(temp)), { always: true })
                .then(() => this.settled(temp), () => undefined);
        }
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

;// CONCATENATED MODULE: ./src/core/plan-text.ts
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
        log.info(stepText(step, 'done'));
    };
    const at = (path) => (0,remote_path/* remotePathOf */.fF)(plan.remoteRoot, path);
    try {
        await forEachLimited(plan.leftovers, ctx.concurrency, async (path) => {
            // Already gone (another run removed it): nothing left to do.
            await pool.run(`Removing ${path}`, session => quietly(session.remove(at(path))));
            did({ kind: 'remove leftover', path });
        });
        if (plan.createRoot.length + plan.mkdirs.length > 0) {
            const detail = dirDetail(plan);
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
            did({ kind: 'write manifest', path: '', detail: forgetDetail(plan) });
        }
        // Already on the server as they are here: only the manifest learns of them (the final write).
        store.recordAll(plan.adopt.map(a => [a.file.relPath, { sha256: a.sha256, size: a.file.size }]));
        for (const adopted of plan.adopt) {
            done.adopted.push(adopted.file.relPath);
            did(adoptStep(adopted));
        }
        // The last upload or deletion is followed by the final write: no checkpoint just before it.
        store.expectChanges(plan.uploads.length + plan.deletes.length);
        const totalBytes = plan.uploads.reduce((sum, u) => sum + u.file.size, 0);
        // Records of files that went live, awaited by the upload that saw them go (a checkpoint may
        // write the manifest): a file goes live when a later write carries its rename.
        const records = [];
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
                did({ kind: replaces ? 'replace' : 'upload', path: file.relPath, detail: uploadDetail(file.size, plan) });
                log.progress?.({
                    files: done.uploaded.length,
                    totalFiles: plan.uploads.length,
                    bytes: done.bytesUploaded,
                    totalBytes
                });
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
            await recorded();
        };
        /** The checked files whose renames are pending go live: a phase ends. */
        const goLive = async () => {
            await replacer.goLive(pool);
            await recorded();
        };
        // Every new file is there before the first replacement: a replaced page may link to them.
        await forEachLimited(plan.uploads.filter(u => !u.replaces), ctx.concurrency, upload);
        await goLive();
        await forEachLimited(plan.uploads.filter(u => u.replaces), ctx.concurrency, upload);
        await goLive();
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
        log.info(`Stopped after ${done.steps.length} of ${planSteps(plan).length} planned steps`);
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
    log.info(`Done: ${done.steps.length} of ${planSteps(plan).length} planned steps`);
    return done;
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
    const replacer = new Replacer(pool.server, c.names);
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

// EXTERNAL MODULE: ./src/core/log.ts
var core_log = __nccwpck_require__(4325);
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
        applied: r.applied
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
    /** Uploads start TLS on their data connection as soon as TCP is up, before the 1xx. */
    earlyTls = true;
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
     * 1.5.9 resets data connections whose TLS starts before the 1xx.
     */
    greeted(greeting) {
        if (/Microsoft FTP Service|FileZilla Server/i.test(greeting))
            this.pipelining = false;
        if (/pyftpdlib/i.test(greeting))
            this.earlyTls = false;
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
        for (const command of batch)
            ftp.log(`> ${command}`);
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
            const err = new RepliesMismatch(`${command} answered with ${reply.message}`);
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
        throw new BatchStopped(commands[replies.length], err);
    });
}
/** A batch of commands sent together that lost its connection or timed out, at `command`. */
class BatchStopped extends Error {
    command;
    /** basic-ftp's control timeout: the server read no further (or never answered). */
    timedOut;
    constructor(command, cause) {
        super(`${commandNamed(command)}: ${cause.message}`, { cause });
        this.command = command;
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
        const { host, port } = await this.passive(client);
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
    const chosen = key !== null && typeof key === 'object' && 'name' in key ? key.name : undefined;
    if (typeof chosen !== 'string' || !GROUPS.includes(chosen))
        return undefined;
    return [chosen, ...GROUPS.filter(group => group !== chosen)].join(':');
}
/** Connects and secures the control connection; resolves with the server's greeting. */
async function secureControl(client, settings) {
    const options = tlsOptionsFor(settings);
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
    setDataTlsOptions(client, withGroups(settings, options, groupsStartingWith(secured.getEphemeralKeyInfo())));
    return greeting.message;
}
async function login(client, settings) {
    const what = `Login as ${settings.user} failed`;
    // RFC 959 5.4: USER -> 230 | 331 | 332; PASS -> 230 | 202 | 332; ACCT -> 230 | 202.
    let res = await expectReply(client, `USER ${settings.user}`, [230, 331, 332], what);
    if (res.code === 331)
        res = await expectReply(client, `PASS ${settings.password}`, [230, 202, 332], what, 'PASS');
    if (res.code === 332) {
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
    const commands = ['FEAT', ...steps.map(([command]) => command)];
    let replies;
    try {
        replies = server.pipelining ? await sendPipelined(client, commands, fitsCommand) : await oneByOne(client, commands);
    }
    catch (err) {
        throw refused(commands.join(', '), err, 'Could not set up the session');
    }
    const features = parseFeatures(replies[0]);
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
    // MLSD when FEAT lists MLST (RFC 3659 7.8), else LIST; LIST too once MLSD failed where LIST worked.
    server.listCommand ??= features.has('MLST') ? 'MLSD' : 'LIST';
    client.availableListCommands = server.listCommand === 'MLSD' ? ['MLSD', 'LIST -a', 'LIST'] : ['LIST -a', 'LIST'];
    if (settings.encoding === 'utf8' && features.has('UTF8'))
        await client.sendIgnoringError('OPTS UTF8 ON');
    const home = /"(.+)"/.exec(replies[replies.length - 1].message)?.[1];
    if (home === undefined)
        throw new Error(`Could not read the login directory from ${replies[replies.length - 1].message}`);
    return { features, home };
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
;// CONCATENATED MODULE: ./src/ftp/store.ts
/**
 * STOR over a data connection of our own: basic-ftp's uploadFrom (streams, a pipeline, a
 * watchdog, a stack trace per task) cost more CPU per small file than the protocol itself.
 */





/** How long a STOR whose early TLS handshake was reset may still be answered (a refusal) before the session is given up. */
const EARLY_RESET_GRACE_MS = 1000;
async function store(client, data, source, remotePath, tls = { early: false, onEarlyReset: () => undefined }) {
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
    const confirmed = sendWithHandler(client, `STOR ${remotePath}`, (res, task) => {
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
    });
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
     * time. With `preparePassive`, the next transfer's passive port is asked for in the same write.
     */
    async sendAll(commands, options) {
        // A port asked for ahead is kept only by the transfer right after it.
        this.connector.forget();
        const all = options.preparePassive ? [...commands, this.connector.passiveCommand] : commands;
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
        if (options.preparePassive)
            this.connector.prepare(replies.pop());
        return replies;
    }
    async upload(source, remotePath) {
        return store(this.client, await this.connector.open(this.client), source, remotePath, {
            early: this.server.earlyTls,
            onEarlyReset: () => this.server.earlyTlsReset()
        });
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
        const greeting = await secureControl(client, settings);
        await login(client, settings);
        server.greeted(greeting);
        const { home, features } = await protect(client, settings, server);
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
const lockPath = (o) => external_node_path_.posix.join(o.remoteRoot, remote_path/* LOCK_DIR */.UE);
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
            const lockDir = external_node_path_.posix.join(o.remoteRoot, remote_path/* LOCK_DIR */.UE);
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
        ...held.createdRoot.map(path => ({ kind: 'create root directory', path, detail: dirDetail({ dirMode }) })),
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
    const local = await log.group('Local files', () => (0,local_plan/* findFiles */.l)(settings, log, deps));
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
        const names = new TempNamer(undefined, deps.now);
        if (settings.lock && settings.dryRun)
            await log.group('Lock', () => reportHeldLock(pool, remoteRoot, log));
        if (settings.lock && !settings.dryRun)
            held = await log.group('Lock', () => takeLock(settings, log, deps, pool, remoteRoot, first.home, signal));
        // The checks may list with STAT; the listing output, which reports times, with MLSD or LIST.
        const list = statOrListLister(pool);
        const { concurrency } = settings;
        const localPaths = local.map(f => f.relPath);
        // With the lock (a dry run: the lock a real run would hold) every temporary is a dead run's.
        const holdsLock = settings.lock;
        const query = { pool, list, remoteRoot, manifestName: settings.manifest, localPaths, names, concurrency, holdsLock };
        const state = await log.group('Remote state', () => readRemoteState(query, log));
        // Only files the manifest records at their size can be unchanged: the rest go without a hash.
        const files = await hashFiles(local, file => mayBeUnchanged(file, state.manifest, settings.sync));
        // Only when names differ in case alone: then whether they are one file decides the plan.
        const paths = files.map(f => f.relPath);
        pool.server.foldsCase = await probeCaseFolding(pool, remoteRoot, paths, state.index, log);
        // Files already on the server at their size, unknown to the manifest: compared before the plan.
        const adoptions = { pool, mode: settings.adopt, remoteRoot, concurrency, log };
        const adopted = await adoptFromServer(files, state, settings.sync, adoptions);
        const plan = planDeploy(files, { ...state, adopted, foldsCase: pool.server.foldsCase }, { ...settings, remoteRoot, home: first.home });
        const planned = planSteps(plan);
        describePlan(plan, planned, log, settings.dryRun);
        // The other connections log in while the first creates directories.
        if (!settings.dryRun && plan.uploads.length > 1)
            pool.warm(Math.min(concurrency, plan.uploads.length));
        const done = settings.dryRun
            ? asPlanned(plan)
            : await log.group(`Upload: ${plan.uploads.length} file(s) to ${remoteRoot}`, () => carryOut(plan, { pool, state, list, names, remoteRoot, settings, log }));
        const applied = [...(held ? lockSteps(held, settings.dirMode) : []), ...done.steps];
        // Every change is made: what fails from here on is a warning, and the run is done (exit 0).
        if (held !== undefined) {
            if (await releaseWhenDone(pool, held, log))
                applied.push({ kind: 'release lock', path: remote_path/* LOCK_DIR */.UE });
            held = undefined;
        }
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
/** Releases a lock still held (failure, cancel), within the time a cancel leaves to clean up. */
function releaseWithin(pool, held) {
    return held && pool.bounded('Releasing the deploy lock', held.lock.release());
}
/** The run's pool: every session logs in with the same settings and shares one server record. */
function openPool(settings, log, deps) {
    let opened = 0;
    return new SessionPool(server => deps.openSession(settings, opened++ === 0 ? log : prefixed(log, `#${opened} `), server), { size: settings.concurrency, retries: settings.retries, atomic: settings.atomic }, log);
}
/** Takes the deploy lock in remote-dir (creating remote-dir where needed), with its heartbeat's own session. */
function takeLock(settings, log, deps, pool, remoteRoot, home, signal) {
    return takeRunLock({
        pool,
        openSession: () => deps.openSession(settings, prefixed(log, '#lock '), pool.server),
        remoteRoot,
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
/* harmony export */   Yz: () => (/* binding */ outputsOf),
/* harmony export */   z3: () => (/* binding */ formatBytes)
/* harmony export */ });
/* unused harmony exports formatRate, summaryMarkdown, failureMarkdown */
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
        `| TLS | ${result.tlsVersion === '' ? 'none (plain FTP)' : result.tlsVersion} |`,
        `| Certificate SHA-256 | ${result.fingerprint === '' ? '-' : `\`${result.fingerprint}\``} |`,
        '',
        ...fileTable(`Files ${verb}`, result.uploaded),
        ...fileTable(`Files ${result.dryRun ? 'that would be adopted' : 'adopted'} (already on the server)`, result.adopted),
        ...fileTable(`Files ${result.dryRun ? 'that would be deleted' : 'deleted'}`, result.deleted)
    ].join('\n');
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
