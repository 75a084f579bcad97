#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import GEPCommandLine
import GEPCore
import Testing

/// Outputs never destroy an input, never replace a special file, leave nothing half-written
/// behind and appear only once the inputs are validated (the hardening issue, outputs).
@Suite struct OutputSafetyTests {
    func gep(_ arguments: [String], in directory: String) -> RepositoryRun { RepositoryRun.gep(arguments, in: directory) }

    /// The sample county input copied into a scratch directory.
    func scratchInput() throws -> (Scratch, String) {
        let scratch = try Scratch()
        return (scratch, try scratch.copy("samples/lianping/lianping-2023.json", to: "in.json"))
    }

    func contents(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

    func waterYield(out: String, precipitation: String? = nil) -> [String] {
        let s = RepositoryRun.repository + "/samples/lianping/grid"
        return ["water-yield", "--lulc", "\(s)/lulc.tif", "--precipitation", precipitation ?? "\(s)/precip.tif", "--eto", "\(s)/eto.tif",
                "--depth-to-root-rest-layer", "\(s)/depth_to_root_rest_layer.tif", "--pawc", "\(s)/pawc.tif",
                "--biophysical-table", RepositoryRun.repository + "/Tests/GEPGridTests/Fixtures/biophysical_table.csv",
                "--seasonality-constant", "5", "--out", out]
    }

    @Test func anOutputNamingAnInputIsRefusedHoweverItIsNamed() throws {
        let (scratch, input) = try scratchInput()
        let before = try contents(input)
        symlink("in.json", scratch.file("link.json"))
        link(input, scratch.file("hard.json"))
        for name in ["in.json", "./in.json", scratch.file("in.json"), "link.json", "hard.json"] {
            let run = gep(["account", "in.json", "--output", name], in: scratch.path)
            #expect(run.status == 73, "\(name)")
            #expect(run.stderr.contains("it is one of this command's inputs"), "\(name): \(run.stderr)")
        }
        #expect(try contents(input) == before)
        #expect(scratch.entries == ["hard.json", "in.json", "link.json"], "no temporary file is left")
    }

    @Test func aSymbolicLinkIsFollowedAndKept() throws {
        let (scratch, _) = try scratchInput()
        try scratch.write("target.json", "old\n")
        symlink("target.json", scratch.file("out.json"))
        #expect(gep(["account", "in.json", "--format", "json", "--output", "out.json"], in: scratch.path).status == 0)
        var status = stat()
        #expect(lstat(scratch.file("out.json"), &status) == 0 && status.st_mode & mode_t(S_IFMT) == mode_t(S_IFLNK), "the link stays a link")
        #expect(try String(contentsOfFile: scratch.file("target.json"), encoding: .utf8).hasPrefix("{"), "its target holds the output")
        symlink("missing.json", scratch.file("dangling.json"))
        #expect(gep(["account", "in.json", "--output", "dangling.json"], in: scratch.path).status == 73)
    }

    @Test func specialFilesAreWrittenNotReplaced() throws {
        let (scratch, _) = try scratchInput()
        #expect(gep(["account", "in.json", "--output", "/dev/null"], in: scratch.path).status == 0)
        var status = stat()
        #expect(stat("/dev/null", &status) == 0 && status.st_mode & mode_t(S_IFMT) == mode_t(S_IFCHR))
        let full = gep(["account", "in.json", "--output", "/dev/full"], in: scratch.path)
        #expect(full.status == 74)
        #expect(full.stderr.contains("'/dev/full': no space left on device"))
        let fifo = scratch.file("pipe")
        #expect(mkfifo(fifo, 0o644) == 0)
        let unread = gep(["account", "in.json", "--output", "pipe"], in: scratch.path)
        #expect(unread.status == 73, "a FIFO with no reader is refused at once, not waited on")
        #expect(unread.stderr.contains("it is a FIFO with no reader"))
        let reader = open(fifo, O_RDONLY | O_NONBLOCK)
        #expect(reader >= 0)
        defer { close(reader) }
        #expect(gep(["account", "in.json", "--format", "csv", "--output", "pipe"], in: scratch.path).status == 0)
        var buffer = [UInt8](repeating: 0, count: 6)
        #expect(read(reader, &buffer, 6) == 6)
        #expect(String(decoding: buffer, as: UTF8.self) == "record", "the bytes went through the pipe")
        var fifoStatus = stat()
        #expect(lstat(fifo, &fifoStatus) == 0 && fifoStatus.st_mode & mode_t(S_IFMT) == mode_t(S_IFIFO), "the FIFO is still a FIFO")
    }

    @Test func temporaryFilesOfDeadRunsAreRemovedAndLiveOnesKept() throws {
        let (scratch, _) = try scratchInput()
        let finished = Process()
        finished.executableURL = URL(fileURLWithPath: "/bin/true")
        try finished.run()
        finished.waitUntilExit()
        let dead = ".out.json.tmp-\(finished.processIdentifier)-1f2e"
        let live = ".out.json.tmp-\(getpid())-3c4d"
        try scratch.write(dead, "partial")
        try scratch.write(live, "being written")
        try FileManager.default.createDirectory(atPath: scratch.file(".grid.tmp-\(finished.processIdentifier)-9a"), withIntermediateDirectories: false)
        try scratch.write("notes.tmp-12-ab", "not ours: no leading dot")
        #expect(gep(["account", "in.json", "--output", "out.json"], in: scratch.path).status == 0)
        #expect(scratch.entries == [live, "in.json", "notes.tmp-12-ab", "out.json"])
    }

    @Test func anOutputDirectoryAppearsOnlyWhenTheRunSucceeds() throws {
        let scratch = try Scratch()
        var failing = waterYield(out: "maps/new")
        failing[failing.firstIndex(of: "--biophysical-table")! + 1] = scratch.file("missing.csv")
        #expect(gep(failing, in: scratch.path).status == 66)
        #expect(scratch.entries.isEmpty, "a run that fails validation creates nothing")
        #expect(gep(waterYield(out: "maps/new"), in: scratch.path).status == 0)
        #expect(scratch.entries == ["maps"])
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: scratch.file("maps/new"))) ?? []).sorted() == ["aet.tif", "fractp.tif", "wyield.tif"])
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: scratch.file("maps"))) ?? []) == ["new"], "no staging folder is left")
    }

    @Test func anExistingDirectoryKeepsItsFilesAndNeverLosesAnInput() throws {
        let scratch = try Scratch()
        try FileManager.default.createDirectory(atPath: scratch.file("maps"), withIntermediateDirectories: false)
        try scratch.write("maps/notes.txt", "mine")
        #expect(gep(waterYield(out: "maps"), in: scratch.path).status == 0)
        #expect(scratch.entries == ["maps"])
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: scratch.file("maps"))) ?? []).sorted() == ["aet.tif", "fractp.tif", "notes.txt", "wyield.tif"])
        // The precipitation layer is maps/wyield.tif itself: the run must not replace it.
        let precipitation = scratch.file("maps/wyield.tif")
        try FileManager.default.removeItem(atPath: precipitation)
        try FileManager.default.copyItem(atPath: RepositoryRun.repository + "/samples/lianping/grid/precip.tif", toPath: precipitation)
        let before = try contents(precipitation)
        let run = gep(waterYield(out: "maps", precipitation: precipitation), in: scratch.path)
        #expect(run.status == 73, "\(run.stderr)")
        #expect(run.stderr.contains("maps/wyield.tif': it is one of this command's inputs"))
        #expect(try contents(precipitation) == before)
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: scratch.file("maps"))) ?? []).sorted() == ["aet.tif", "fractp.tif", "notes.txt", "wyield.tif"],
                "no file moved, no staging folder left")
    }

    @Test func aRefusedOutputFileLeavesNoOutputDirectory() throws {
        let scratch = try Scratch()
        for output in ["missing/x.json", ".", "/dev/full"] {
            let run = gep(waterYield(out: "maps") + ["--format", "json", "--output", output], in: scratch.path)
            #expect(run.status == (output == "/dev/full" ? 74 : 73), "\(output): \(run.stderr)")
            #expect(scratch.entries.isEmpty, "\(output): \(scratch.entries)")
        }
    }

    @Test func synthWritesItsLayersAsOneSet() throws {
        let scratch = try Scratch()
        try scratch.write("taken", "a file, not a directory")
        let refused = gep(["synth", "--rows", "8", "--cols", "8", "--out", "taken"], in: scratch.path)
        #expect(refused.status == 73)
        #expect(refused.stderr.contains("it exists and is not a directory"))
        #expect(gep(["synth", "--rows", "8", "--cols", "8", "--out", "set"], in: scratch.path).status == 0)
        #expect(scratch.entries == ["set", "taken"])
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: scratch.file("set"))) ?? []).contains("lulc.tif"))
    }
}
