package dev.berth.tasks.sources;

import dev.berth.core.runs.FailureText;
import java.io.IOException;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;

/** Clones a git repository with JGit and checks out a branch, tag or commit (the default branch when none). */
final class GitSource {
    private GitSource() {}

    static void fetch(String url, String ref, Path dir) throws SourceException {
        try (Git git = Git.cloneRepository()
                .setURI(url)
                .setDirectory(dir.toFile())
                .setCloneAllBranches(true)
                .call()) {
            if (!ref.isEmpty()) {
                checkout(git, ref);
            }
        } catch (GitAPIException | RuntimeException e) {
            throw new SourceException("cannot clone " + url + ": " + FailureText.describe(e), e);
        }
    }

    private static void checkout(Git git, String ref) throws SourceException, GitAPIException {
        Repository repository = git.getRepository();
        ObjectId commit = resolve(repository, ref);
        if (commit == null) {
            throw new SourceException("the repository has no branch, tag or commit '" + ref + "'");
        }
        git.checkout().setName(commit.name()).call();
    }

    private static ObjectId resolve(Repository repository, String ref) throws SourceException {
        try {
            for (String candidate : new String[] {"refs/remotes/origin/" + ref, "refs/tags/" + ref, ref}) {
                ObjectId id = repository.resolve(candidate + "^{commit}");
                if (id != null) {
                    return id;
                }
            }
            return null;
        } catch (IOException | RuntimeException e) {
            throw new SourceException("cannot read ref '" + ref + "': " + e.getMessage(), e);
        }
    }
}
