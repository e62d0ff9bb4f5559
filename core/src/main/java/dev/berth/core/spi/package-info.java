/**
 * The seams between the domain and its storage: {@link dev.berth.core.spi.BlobStore} for bytes and
 * {@link dev.berth.core.spi.MetadataStore} for facts. Each has one contract test suite, in this module's test jar,
 * that every implementation runs. Seams throw {@link java.io.IOException} for infrastructure failures and return
 * {@link java.util.Optional} for "not found"; they never throw the wire error model.
 */
package dev.berth.core.spi;
