/**
 * Core's {@link dev.berth.core.egress.Egress} on Jetty's HTTP client. Jetty asks a {@link
 * org.eclipse.jetty.util.SocketAddressResolver} for the addresses of every new connection (the first request's, each
 * redirect's, IP literals too) and connects to what it hands back; {@link dev.berth.egress.PolicyResolver} resolves
 * the name once, keeps the addresses the policy allows and refuses when none is left, so the address checked is the
 * address connected to. Jetty types stay in this package: callers see core's {@code OutboundHttp}.
 */
package dev.berth.egress;
