/**
 * The installation's egress policy: where the server may open outbound connections. {@link
 * dev.berth.core.egress.EgressPolicy} decides per resolved address and port (loopback, link-local, unspecified,
 * multicast and Berth's own listening addresses refused by default; private ranges allowed unless the installation
 * refuses them; explicit allowances by range or host name), and {@link dev.berth.core.egress.Egress} hands out HTTP
 * clients that ask the policy at connection time, for the very address they then connect to. Every outbound call of
 * the server (webhooks, imports, base images, build downloads, task sources) goes through one of these clients; see
 * docs/egress.md.
 */
package dev.berth.core.egress;
