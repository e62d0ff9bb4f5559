package dev.berth.builder.layer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorOutputStream;

/** Builds tars in tests, entry by entry, with any name (escapes included) and any compression. */
final class TestTar {
    static final Instant MTIME = Instant.parse("2024-03-01T12:00:00Z");

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final TarArchiveOutputStream tar;

    TestTar() {
        tar = new TarArchiveOutputStream(bytes, 512, "UTF-8");
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
    }

    TestTar dir(String name, int mode) throws IOException {
        return put(entry(name, TarConstants.LF_DIR, mode), null);
    }

    TestTar file(String name, String content) throws IOException {
        return file(name, content, 0644, 0, 0);
    }

    TestTar file(String name, String content, int mode, int uid, int gid) throws IOException {
        TarArchiveEntry e = entry(name, TarConstants.LF_NORMAL, mode);
        e.setUserId(uid);
        e.setGroupId(gid);
        return put(e, content.getBytes(StandardCharsets.UTF_8));
    }

    TestTar symlink(String name, String target) throws IOException {
        TarArchiveEntry e = entry(name, TarConstants.LF_SYMLINK, 0777);
        e.setLinkName(target);
        return put(e, null);
    }

    TestTar hardLink(String name, String target) throws IOException {
        TarArchiveEntry e = entry(name, TarConstants.LF_LINK, 0644);
        e.setLinkName(target);
        return put(e, null);
    }

    TestTar special(String name, byte flag, int major, int minor) throws IOException {
        TarArchiveEntry e = entry(name, flag, 0666);
        e.setDevMajor(major);
        e.setDevMinor(minor);
        return put(e, null);
    }

    TestTar entry(TarArchiveEntry e, byte[] content) throws IOException {
        return put(e, content);
    }

    byte[] bytes() throws IOException {
        tar.close();
        return bytes.toByteArray();
    }

    byte[] gzip() throws IOException {
        return compress(GZIPOutputStream::new);
    }

    byte[] zstd() throws IOException {
        return compress(ZstdCompressorOutputStream::new);
    }

    byte[] bzip2() throws IOException {
        return compress(BZip2CompressorOutputStream::new);
    }

    byte[] xz() throws IOException {
        return compress(XZCompressorOutputStream::new);
    }

    Path writeTo(Path file, byte[] content) throws IOException {
        Files.write(file, content);
        return file;
    }

    static TarArchiveEntry entry(String name, byte flag, int mode) {
        TarArchiveEntry e = new TarArchiveEntry(name, flag, true);
        e.setMode(mode);
        e.setModTime(MTIME.toEpochMilli());
        return e;
    }

    private TestTar put(TarArchiveEntry e, byte[] content) throws IOException {
        if (content != null) {
            e.setSize(content.length);
        }
        tar.putArchiveEntry(e);
        if (content != null) {
            tar.write(content);
        }
        tar.closeArchiveEntry();
        return this;
    }

    private interface Compressor {
        OutputStream wrap(OutputStream out) throws IOException;
    }

    private byte[] compress(Compressor compressor) throws IOException {
        byte[] plain = bytes();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream c = compressor.wrap(out)) {
            c.write(plain);
        }
        return out.toByteArray();
    }
}
