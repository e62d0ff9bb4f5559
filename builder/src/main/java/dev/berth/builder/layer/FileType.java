package dev.berth.builder.layer;

/** The kind of a file in a root filesystem, as the {@code S_IFMT} bits of its mode say. */
public enum FileType {
    REGULAR(0100000),
    DIRECTORY(0040000),
    SYMLINK(0120000),
    CHARACTER_DEVICE(0020000),
    BLOCK_DEVICE(0060000),
    FIFO(0010000),
    SOCKET(0140000);

    static final int FORMAT_MASK = 0170000;

    private final int formatBits;

    FileType(int formatBits) {
        this.formatBits = formatBits;
    }

    /** The type a full {@code st_mode} value encodes. */
    public static FileType ofMode(int stMode) {
        int format = stMode & FORMAT_MASK;
        for (FileType type : values()) {
            if (type.formatBits == format) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown file type in mode " + Integer.toOctalString(stMode));
    }
}
