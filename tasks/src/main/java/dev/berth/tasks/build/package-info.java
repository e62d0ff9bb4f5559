/**
 * The executor that turns runs into work for the builder: quick builds (a Dockerfile built and pushed into the run's
 * registry) and quick runs (a container run from an image), with base images read from the run's own registry
 * directly and from any other registry over HTTP.
 */
package dev.berth.tasks.build;
