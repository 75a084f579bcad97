#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import GEPCommandLine
import GEPCore
import Testing

// MARK: - Scratch directories

/// Runs `body` with a new, empty directory under /tmp, removed afterwards with everything in it.
private func withTemporaryDirectory(_ body: (String) throws -> Void) throws {
    var template = Array("/tmp/gep-cli-tests-XXXXXX".utf8CString)
    let created = template.withUnsafeMutableBufferPointer { buffer in
        mkdtemp(buffer.baseAddress!).map { String(cString: $0) }
    }
    let directory = try #require(created)
    defer { removeTree(directory) }
    try body(directory)
}

/// Deletes a file, or a directory and everything in it (making directories writable first).
private func removeTree(_ path: String) {
    var status = stat()
    guard lstat(path, &status) == 0 else { return }
    guard status.st_mode & mode_t(S_IFMT) == mode_t(S_IFDIR) else {
        unlink(path)
        return
    }
    chmod(path, 0o755)
    for name in entries(of: path) {
        removeTree(path + "/" + name)
    }
    rmdir(path)
}

/// The names in a directory, without `.` and `..`, sorted.
private func entries(of directory: String) -> [String] {
    guard let stream = opendir(directory) else { return [] }
    defer { closedir(stream) }
    var names: [String] = []
    while let entry = readdir(stream) {
        let name = withUnsafePointer(to: entry.pointee.d_name) {
            $0.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: entry.pointee.d_name)) {
                String(cString: $0)
            }
        }
        if name != ".", name != ".." { names.append(name) }
    }
    return names.sorted()
}

/// Creates a file with these contents using the C library directly.
private func createFile(_ path: String, _ contents: String, mode: mode_t = 0o644) throws {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, mode)
    try #require(descriptor >= 0)
    defer { close(descriptor) }
    let bytes = Array(contents.utf8)
    let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
    try #require(written == bytes.count)
}

/// The permission bits of a file.
private func permissions(of path: String) -> mode_t {
    var status = stat()
    stat(path, &status)
    return status.st_mode & 0o7777
}

// MARK: - Reading

@Suite struct InputFileTests {
    @Test func readsRelativeToTheDirectory() throws {
        try withTemporaryDirectory { directory in
            mkdir(directory + "/inputs", 0o755)
            try createFile(directory + "/inputs/a.json", "{\"year\": 2020}\n")
            let bytes = try InputFile.read("inputs/a.json", relativeTo: directory)
            #expect(String(decoding: bytes, as: UTF8.self) == "{\"year\": 2020}\n")
        }
    }

    @Test func absolutePathsIgnoreTheDirectory() throws {
        try withTemporaryDirectory { directory in
            try createFile(directory + "/a.json", "[]")
            #expect(try InputFile.read(directory + "/a.json", relativeTo: "/nonexistent") == Array("[]".utf8))
        }
    }

    @Test func readsEmptyAndLargeFiles() throws {
        try withTemporaryDirectory { directory in
            try createFile(directory + "/empty", "")
            #expect(try InputFile.read("empty", relativeTo: directory).isEmpty)
            let large = String(repeating: "0123456789abcdef", count: 20_000)
            try createFile(directory + "/large", large)
            #expect(try InputFile.read("large", relativeTo: directory) == Array(large.utf8))
        }
    }

    @Test func missingFileIsMissingInput() throws {
        try withTemporaryDirectory { directory in
            let error = #expect(throws: GEPError.self) { try InputFile.read("nope.json", relativeTo: directory) }
            #expect(error?.exitCode == 66)
            #expect(error?.description == "cannot open input 'nope.json': no such file or directory")
        }
    }

    @Test func directoryIsMissingInput() throws {
        try withTemporaryDirectory { directory in
            mkdir(directory + "/inputs", 0o755)
            let error = #expect(throws: GEPError.self) { try InputFile.read("inputs", relativeTo: directory) }
            #expect(error?.exitCode == 66)
            #expect(error?.description == "cannot open input 'inputs': is a directory")
        }
    }

    /// A name that exists but cannot be opened by any user, root included: a symbolic link to
    /// itself (permission bits would not do, since root reads any file).
    @Test func unopenableFileIsMissingInput() throws {
        try withTemporaryDirectory { directory in
            try #require(symlink("loop.json", directory + "/loop.json") == 0)
            let error = #expect(throws: GEPError.self) { try InputFile.read("loop.json", relativeTo: directory) }
            #expect(error?.exitCode == 66)
            #expect(error?.description == "cannot open input 'loop.json': too many levels of symbolic links")
        }
    }
}

// MARK: - Writing

@Suite struct OutputFileTests {
    @Test func writesANewFileAndLeavesNoTemporaryFile() throws {
        try withTemporaryDirectory { directory in
            mkdir(directory + "/out", 0o755)
            try OutputFile.write(Array("a,b\n1,2\n".utf8), to: "out/table.csv", relativeTo: directory)
            #expect(try InputFile.read(directory + "/out/table.csv", relativeTo: "/") == Array("a,b\n1,2\n".utf8))
            #expect(entries(of: directory + "/out") == ["table.csv"])
        }
    }

    @Test func replacesAnExistingFileAndKeepsItsPermissions() throws {
        try withTemporaryDirectory { directory in
            try createFile(directory + "/report.md", "old report, longer than the new one\n", mode: 0o600)
            try OutputFile.write(Array("new\n".utf8), to: directory + "/report.md", relativeTo: "/elsewhere")
            #expect(try InputFile.read("report.md", relativeTo: directory) == Array("new\n".utf8))
            #expect(permissions(of: directory + "/report.md") == 0o600)
            #expect(entries(of: directory) == ["report.md"])
        }
    }

    @Test func writesAnEmptyFile() throws {
        try withTemporaryDirectory { directory in
            try OutputFile.write([], to: "empty.json", relativeTo: directory)
            #expect(try InputFile.read("empty.json", relativeTo: directory).isEmpty)
        }
    }

    @Test func missingDirectoryCannotBeCreated() throws {
        try withTemporaryDirectory { directory in
            let error = #expect(throws: GEPError.self) {
                try OutputFile.write(Array("x".utf8), to: "missing/out.csv", relativeTo: directory)
            }
            #expect(error?.exitCode == 73)
            #expect(error?.description == "cannot create output 'missing/out.csv': no such file or directory")
            #expect(entries(of: directory).isEmpty)
        }
    }

    @Test func fileInPlaceOfTheDirectoryCannotBeCreated() throws {
        try withTemporaryDirectory { directory in
            try createFile(directory + "/plain", "not a directory")
            let error = #expect(throws: GEPError.self) {
                try OutputFile.write(Array("x".utf8), to: "plain/out.csv", relativeTo: directory)
            }
            #expect(error?.exitCode == 73)
            #expect(error?.description == "cannot create output 'plain/out.csv': not a directory")
            #expect(entries(of: directory) == ["plain"])
        }
    }

    @Test func directoryInPlaceOfTheFileIsLeftIntact() throws {
        try withTemporaryDirectory { directory in
            mkdir(directory + "/out.csv", 0o755)
            try createFile(directory + "/out.csv/keep", "kept")
            let error = #expect(throws: GEPError.self) {
                try OutputFile.write(Array("x".utf8), to: "out.csv", relativeTo: directory)
            }
            #expect(error?.exitCode == 73)
            #expect(entries(of: directory) == ["out.csv"])
            #expect(entries(of: directory + "/out.csv") == ["keep"])
        }
    }

    /// The temporary file cannot be created beside the target, for any user, root included: the
    /// target's name is as long as a name may be (255 bytes), so `.<name>.tmp-…` is too long
    /// (an unwritable directory would not do, since root writes into any directory).
    @Test func uncreatableTemporaryFileLeavesTheOldFileIntact() throws {
        try withTemporaryDirectory { directory in
            let name = String(repeating: "n", count: 251) + ".csv"
            try createFile(directory + "/" + name, "old")
            let error = #expect(throws: GEPError.self) {
                try OutputFile.write(Array("new".utf8), to: name, relativeTo: directory)
            }
            #expect(error?.exitCode == 73)
            #expect(error?.description == "cannot create output '\(name)': file name too long")
            #expect(entries(of: directory) == [name])
            #expect(try InputFile.read(name, relativeTo: directory) == Array("old".utf8))
        }
    }
}

// MARK: - Through the tool

/// Copies one file to another, resolving both against the working directory.
enum CopyCommand: Command {
    static var spec: CommandSpec {
        CommandSpec(
            name: "copy",
            abstract: "Copy a file.",
            arguments: [ArgumentSpec(name: "from", help: "The file to read."), ArgumentSpec(name: "to", help: "The file to write.")]
        )
    }

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws(GEPError) {
        let bytes = try InputFile.read(arguments.positionals[0], relativeTo: context.workingDirectory)
        try OutputFile.write(bytes, to: arguments.positionals[1], relativeTo: context.workingDirectory)
    }
}

@Suite struct FileErrorStatusTests {
    /// Runs `gep copy from to` in `directory`.
    private func copy(_ from: String, _ to: String, in directory: String) -> (status: Int32, stderr: String) {
        let stderr = StringSink()
        let tool = Tool(name: "gep", version: "0", abstract: "Copy files.", commands: [.command(CopyCommand.self)])
        let context = CommandContext(stdout: StringSink(), stderr: stderr, environment: [:], workingDirectory: directory)
        return (tool.run(arguments: ["copy", from, to], context: context), stderr.text)
    }

    @Test func copiesRelativeToTheWorkingDirectory() throws {
        try withTemporaryDirectory { directory in
            try createFile(directory + "/a.json", "{}")
            let result = copy("a.json", "b.json", in: directory)
            #expect(result.status == 0)
            #expect(result.stderr.isEmpty)
            #expect(entries(of: directory) == ["a.json", "b.json"])
        }
    }

    @Test func missingInputExitsWith66() throws {
        try withTemporaryDirectory { directory in
            let result = copy("a.json", "b.json", in: directory)
            #expect(result.status == 66)
            #expect(result.stderr == "Error: cannot open input 'a.json': no such file or directory\n")
        }
    }

    @Test func uncreatableOutputExitsWith73() throws {
        try withTemporaryDirectory { directory in
            try createFile(directory + "/a.json", "{}")
            let result = copy("a.json", "missing/b.json", in: directory)
            #expect(result.status == 73)
            #expect(result.stderr == "Error: cannot create output 'missing/b.json': no such file or directory\n")
            #expect(entries(of: directory) == ["a.json"])
        }
    }
}
