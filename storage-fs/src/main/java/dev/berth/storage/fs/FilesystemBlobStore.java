package dev.berth.storage.fs;

import dev.berth.core.oci.Digest;
import dev.berth.core.spi.BlobStore;
import dev.berth.core.spi.BufferedBody;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Blobs on a local filesystem. The layout under the root directory:
 *
 * <pre>
 * root/
 * ├── blobs/
 * │   ├── sha256/ab/abcdef…   one file per blob, named by its digest, never changed once renamed into place
 * │   └── sha512/12/1234…
 * └── uploads/
 *     └── 0f3c…               one file per open upload, named by its id
 * </pre>
 *
 * <p>An upload is appended to its own file while a running SHA-256 is kept in memory; on commit the digest is
 * checked, the file fsynced, renamed into {@code blobs/} and the directory fsynced, so a blob file either is whole
 * and durable or does not exist. After a restart, or after a truncation, the running digest is rebuilt from the
 * file.
 */
public final class FilesystemBlobStore implements BlobStore {
    private final Path blobsDir;
    private final Path uploadsDir;
    private final Map<String, RunningDigest> running = new ConcurrentHashMap<>();

    public FilesystemBlobStore(Path root) throws IOException {
        this.blobsDir = Files.createDirectories(root.resolve("blobs"));
        this.uploadsDir = Files.createDirectories(root.resolve("uploads"));
    }

    @Override
    public Optional<Long> size(Digest digest) throws IOException {
        try {
            return Optional.of(Files.size(blobPath(digest)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<BlobReader> open(Digest digest) throws IOException {
        try {
            return Optional.of(new FileBlobReader(FileChannel.open(blobPath(digest), StandardOpenOption.READ)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public boolean delete(Digest digest) throws IOException {
        return Files.deleteIfExists(blobPath(digest));
    }

    @Override
    public void createUpload(String uploadId) throws IOException {
        Files.createFile(uploadPath(uploadId));
        running.put(uploadId, new RunningDigest(Digest.Algorithm.SHA256.newHasher(), 0));
    }

    @Override
    public Optional<Long> uploadSize(String uploadId) throws IOException {
        try {
            return Optional.of(Files.size(uploadPath(uploadId)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public long append(String uploadId, InputStream content) throws IOException {
        try (FileChannel out =
                FileChannel.open(uploadPath(uploadId), StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long position = out.size();
            // Taken out while appending: if the stream fails midway, the next call rebuilds it from the file.
            MessageDigest digest = takeRunningDigest(uploadId, out, position);
            position = copy(
                    content instanceof BufferedBody parts ? parts : new StreamParts(content), out, position, digest);
            running.put(uploadId, new RunningDigest(digest, position));
            return position;
        } catch (NoSuchFileException e) {
            throw new IOException("no such upload: " + uploadId, e);
        }
    }

    /**
     * Writes the body's buffers as they are to the end of the file, hashing each while the next is written; returns
     * the new end. A direct buffer from the server goes to the file without a copy in the heap.
     */
    private static long copy(BufferedBody body, FileChannel out, long position, MessageDigest digest)
            throws IOException {
        try (PartHasher hasher = new PartHasher(digest);
                Writeback writeback = new Writeback(out, position)) {
            for (Optional<BufferedBody.Part> next = body.next(); next.isPresent(); next = body.next()) {
                BufferedBody.Part part = next.get();
                try {
                    position = writeFully(out, part.bytes().duplicate(), position);
                } catch (IOException | RuntimeException e) {
                    part.release();
                    throw e;
                }
                writeback.written(position);
                hasher.accept(part);
            }
            hasher.finish();
            return position;
        }
    }

    private static long writeFully(FileChannel out, ByteBuffer bytes, long position) throws IOException {
        while (bytes.hasRemaining()) {
            position += out.write(bytes, position);
        }
        return position;
    }

    @Override
    public void truncate(String uploadId, long size) throws IOException {
        running.remove(uploadId);
        try (FileChannel out = FileChannel.open(uploadPath(uploadId), StandardOpenOption.WRITE)) {
            out.truncate(size);
        }
    }

    @Override
    public CommitResult commit(String uploadId, Digest expected) throws IOException {
        Path upload = uploadPath(uploadId);
        Digest actual;
        long size;
        try (FileChannel file = FileChannel.open(upload, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            size = file.size();
            actual = finalDigest(uploadId, file, size, expected.algorithm());
            if (actual.equals(expected)) {
                file.force(true);
            }
        }
        running.remove(uploadId);
        if (!actual.equals(expected)) {
            Files.deleteIfExists(upload);
            return new CommitResult(false, actual, size);
        }
        moveIntoPlace(upload, blobPath(expected));
        return new CommitResult(true, actual, size);
    }

    @Override
    public void deleteUpload(String uploadId) throws IOException {
        running.remove(uploadId);
        Files.deleteIfExists(uploadPath(uploadId));
    }

    @Override
    public List<UploadEntry> uploads() throws IOException {
        List<UploadEntry> entries = new ArrayList<>();
        try (Stream<Path> files = Files.list(uploadsDir)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                try {
                    entries.add(new UploadEntry(
                            file.getFileName().toString(),
                            Files.getLastModifiedTime(file).toInstant()));
                } catch (NoSuchFileException e) {
                    // finished or cancelled while we looked
                }
            }
        }
        return entries;
    }

    @Override
    public void check() throws IOException {
        if (!Files.isWritable(blobsDir) || !Files.isWritable(uploadsDir)) {
            throw new IOException("blob store directories are not writable: " + blobsDir.getParent());
        }
    }

    @Override
    public void close() {
        running.clear();
    }

    private MessageDigest takeRunningDigest(String uploadId, FileChannel file, long size) throws IOException {
        RunningDigest digest = running.remove(uploadId);
        if (digest != null && digest.offset() == size) {
            return digest.hasher();
        }
        return hashFile(file, size, Digest.Algorithm.SHA256);
    }

    private Digest finalDigest(String uploadId, FileChannel file, long size, Digest.Algorithm algorithm)
            throws IOException {
        RunningDigest digest = running.get(uploadId);
        if (algorithm == Digest.Algorithm.SHA256 && digest != null && digest.offset() == size) {
            return Digest.fromHasher(algorithm, digest.hasher());
        }
        return Digest.fromHasher(algorithm, hashFile(file, size, algorithm));
    }

    private static MessageDigest hashFile(FileChannel file, long size, Digest.Algorithm algorithm) throws IOException {
        MessageDigest hasher = algorithm.newHasher();
        ByteBuffer buffer = ByteBuffer.allocate(Buffers.SIZE);
        long position = 0;
        while (position < size) {
            buffer.clear().limit((int) Math.min(buffer.capacity(), size - position));
            int read = file.read(buffer, position);
            if (read < 0) {
                throw new IOException("upload shrank while being read");
            }
            position += read;
            hasher.update(buffer.flip());
        }
        return hasher;
    }

    private static void moveIntoPlace(Path upload, Path target) throws IOException {
        Path dir = target.getParent();
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir);
        }
        try {
            Files.move(upload, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            Files.deleteIfExists(upload);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the data directory must support atomic renames", e);
        }
        fsyncDirectory(dir);
    }

    private static void fsyncDirectory(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    private Path blobPath(Digest digest) {
        String hex = digest.hex();
        return blobsDir.resolve(digest.algorithm().prefix())
                .resolve(hex.substring(0, 2))
                .resolve(hex);
    }

    private Path uploadPath(String uploadId) {
        if (!uploadId.matches("[0-9a-f]{8,64}")) {
            throw new IllegalArgumentException("malformed upload id");
        }
        return uploadsDir.resolve(uploadId);
    }

    /** The hash of an upload's first {@code offset} bytes. */
    private record RunningDigest(MessageDigest hasher, long offset) {}

    private record FileBlobReader(FileChannel file) implements BlobReader {
        @Override
        public long size() {
            try {
                return file.size();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Override
        public ReadableByteChannel channel(long offset) throws IOException {
            return file.position(offset);
        }

        @Override
        public Optional<FileChannel> localFile() {
            return Optional.of(file);
        }

        @Override
        public void close() throws IOException {
            file.close();
        }
    }
}
