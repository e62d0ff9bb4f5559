/**
 * A run's build context, made ready in a private directory: an uploaded tar.gz, a git repository ({@code
 * https://host/repo.git#ref:subdir} or {@code file://}, cloned with JGit), or a tarball URL, each extracted so that
 * nothing lands outside the directory.
 */
package dev.berth.tasks.sources;
