/**
 * ACR's changeable attributes: four switches ({@code deleteEnabled}, {@code writeEnabled}, {@code readEnabled},
 * {@code listEnabled}) that a repository, a tag and a manifest each carry independently, and what each one refuses.
 * Values only; the data-plane services enforce them.
 */
package dev.berth.core.lock;
