/**
 * Dockerfile parsing, as Docker's BuildKit frontend does it: {@link dev.berth.builder.dockerfile.Dockerfile#parse}
 * gives an immutable AST (directives, global {@code ARG}s, {@link dev.berth.builder.dockerfile.Stage}s of {@link
 * dev.berth.builder.dockerfile.Instruction} records, each with its location and original text) and selects the
 * stages a {@code --target} needs; {@link dev.berth.builder.dockerfile.Substitution} and {@link
 * dev.berth.builder.dockerfile.Expander} apply build-time variable substitution; {@link
 * dev.berth.builder.dockerfile.DockerIgnore} reads {@code .dockerignore}. Every problem is a {@link
 * dev.berth.builder.dockerfile.DockerfileException} with file and line. Package-private classes are the lexer. See
 * docs/builder-parser.md.
 */
package dev.berth.builder.dockerfile;
