/**
 * End-to-end tests: the real clients (skopeo, podman, buildah, Jib) against a running Berth, and kill-and-restart
 * tests of Berth as a separate process. The harness starts Berth in-process on port 0 ({@link
 * dev.berth.it.EmbeddedBerth}) or from the shaded jar ({@link dev.berth.it.BerthProcess}), runs the clients with the
 * private containers configuration that {@code scripts/install-test-deps} writes ({@link dev.berth.it.Command},
 * {@link dev.berth.it.ContainersEnv}), gives each podman or buildah test its own storage root ({@link
 * dev.berth.it.ContainerStore}), and builds the test images once per JVM ({@link dev.berth.it.TestImages}). Results
 * are checked through the registry's own HTTP API ({@link dev.berth.it.RegistryClient}, {@link
 * dev.berth.it.ImageCheck}), never through Berth's internals. Every test uses repository names of its own.
 */
package dev.berth.it;
