package dev.berth.core.registry;

import dev.berth.core.error.ErrorCode;
import dev.berth.core.error.RegistryException;
import dev.berth.core.lock.ChangeableAttributes;
import dev.berth.core.lock.ChangeableAttributes.Operation;
import dev.berth.core.lock.Lockable;
import dev.berth.core.oci.Digest;
import dev.berth.core.oci.Tag;
import dev.berth.core.spi.AttributeStore;
import dev.berth.core.spi.AttributeStore.Attributes;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * Enforces changeable attributes on every path of the data plane, refusing with {@link ErrorCode#DENIED} and a
 * message naming the lock. A repository's attributes apply to everything in it; a tag's and a manifest's only to
 * themselves. Each check is one read before the work it guards, so a lock set at the same moment as a request may
 * let that one request through.
 */
final class Locks {
    private final AttributeStore store;

    Locks(AttributeStore store) {
        this.store = store;
    }

    /** Pulling a manifest, by digest or through a tag. */
    void checkPull(RepositoryRef repo, long repositoryId, Optional<Tag> tag, Digest digest) throws IOException {
        Attributes found = store.read(repositoryId, tag, Optional.of(digest));
        refuse(
                found.repository(),
                Operation.READ,
                Lockable.REPOSITORY,
                repo.name().value());
        if (tag.isPresent()) {
            refuse(found.tag(), Operation.READ, Lockable.TAG, repo.name() + ":" + tag.get());
        }
        refuse(found.manifest(), Operation.READ, Lockable.MANIFEST, repo.name() + "@" + digest);
    }

    /** Pushing a manifest, under a tag or not. */
    void checkPush(RepositoryRef repo, long repositoryId, Optional<Tag> tag) throws IOException {
        Attributes found = store.read(repositoryId, tag, Optional.empty());
        refuse(
                found.repository(),
                Operation.WRITE,
                Lockable.REPOSITORY,
                repo.name().value());
        if (tag.isPresent()) {
            refuse(found.tag(), Operation.WRITE, Lockable.TAG, repo.name() + ":" + tag.get());
        }
    }

    /** Removing a tag, leaving its manifest. */
    void checkUntag(RepositoryRef repo, long repositoryId, Tag tag) throws IOException {
        Attributes found = store.read(repositoryId, Optional.of(tag), Optional.empty());
        refuse(
                found.repository(),
                Operation.DELETE,
                Lockable.REPOSITORY,
                repo.name().value());
        refuse(found.tag(), Operation.DELETE, Lockable.TAG, repo.name() + ":" + tag);
    }

    /** Deleting a manifest, which deletes every tag on it: none of them may be locked either. */
    void checkManifestDelete(RepositoryRef repo, long repositoryId, Digest digest) throws IOException {
        Attributes found = store.read(repositoryId, Optional.empty(), Optional.of(digest));
        refuse(
                found.repository(),
                Operation.DELETE,
                Lockable.REPOSITORY,
                repo.name().value());
        refuse(found.manifest(), Operation.DELETE, Lockable.MANIFEST, repo.name() + "@" + digest);
        for (Map.Entry<Tag, ChangeableAttributes> tag :
                store.tagsOn(repositoryId, digest).entrySet()) {
            refuse(tag.getValue(), Operation.DELETE, Lockable.TAG, repo.name() + ":" + tag.getKey());
        }
    }

    /** Deleting a whole repository: neither it nor anything in it may be locked against deletion. */
    void checkRepositoryDelete(RepositoryRef repo, long repositoryId) throws IOException {
        checkRepository(repo, repositoryId, Operation.DELETE);
        Optional<AttributeStore.Locked> locked = store.firstUndeletable(repositoryId);
        if (locked.isPresent()) {
            String separator = locked.get().kind() == Lockable.TAG ? ":" : "@";
            refuse(
                    locked.get().attributes(),
                    Operation.DELETE,
                    locked.get().kind(),
                    repo.name() + separator + locked.get().name());
        }
    }

    /** An operation on the repository as a whole, such as unlinking a blob (a delete). */
    void checkRepository(RepositoryRef repo, long repositoryId, Operation operation) throws IOException {
        Attributes found = store.read(repositoryId, Optional.empty(), Optional.empty());
        refuse(found.repository(), operation, Lockable.REPOSITORY, repo.name().value());
    }

    private static void refuse(
            Optional<ChangeableAttributes> attributes, Operation operation, Lockable kind, String name) {
        if (attributes.isPresent()) {
            refuse(attributes.get(), operation, kind, name);
        }
    }

    private static void refuse(ChangeableAttributes attributes, Operation operation, Lockable kind, String name) {
        Optional<String> refusal = attributes.refusal(operation);
        if (refusal.isPresent()) {
            throw new RegistryException(
                    ErrorCode.DENIED,
                    "the " + kind.word() + " " + name + " is locked: " + refusal.get() + " is false",
                    Map.of("lock", refusal.get(), kind.word(), name));
        }
    }
}
