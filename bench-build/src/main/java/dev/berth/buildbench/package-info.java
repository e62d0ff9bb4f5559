/**
 * The builder benchmark: the same Dockerfile built by Berth's builder and by buildah (vfs storage, chroot isolation)
 * from a base image in a local CNCF Distribution, cold (nothing local) and cached (a rebuild with no change), with
 * the ratios printed. See docs/benchmarks.md.
 */
package dev.berth.buildbench;
