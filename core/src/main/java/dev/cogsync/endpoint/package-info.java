/**
 * Where requests go: {@link dev.cogsync.endpoint.Endpoint} resolves a region to the Amazon Cognito Sync host
 * following the official endpoint rule set, or checks an explicit endpoint override.
 */
package dev.cogsync.endpoint;
