package dev.berth.core.lock;

/** The three kinds of item that carry changeable attributes, each independently of the others. */
public enum Lockable {
    REPOSITORY("repository"),
    TAG("tag"),
    MANIFEST("manifest");

    private final String word;

    Lockable(String word) {
        this.word = word;
    }

    /** How messages name the kind: {@code repository}, {@code tag}, {@code manifest}. */
    public String word() {
        return word;
    }
}
