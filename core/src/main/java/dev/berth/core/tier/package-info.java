/**
 * Service tiers (Basic, Standard, Premium) and what each allows a registry: storage, webhooks, tokens and scope maps,
 * network rules, replicas, anonymous pull and request rates. Plain values, with no dependencies.
 */
package dev.berth.core.tier;
