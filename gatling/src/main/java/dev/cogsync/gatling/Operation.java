package dev.cogsync.gatling;

import reactor.core.publisher.Mono;

/** What one action does with its arguments, once their Expression Language is resolved for a virtual user. */
@FunctionalInterface
interface Operation {

    /**
     * Sends the request.
     *
     * @param components the protocol's client, sender and identities
     * @param arguments the action's arguments, resolved, in the order the DSL method takes them
     * @return the result to save with {@code saveAs}, or empty; an error fails the request
     * @throws RuntimeException when the arguments cannot make a request (a bad sync count, a bad dataset name)
     */
    Mono<?> send(CognitoSyncComponents components, String[] arguments);

    /**
     * Checks, when the simulation starts, that the protocol can run this operation.
     *
     * @param components the protocol's components
     * @throws IllegalStateException naming the protocol setting it needs
     */
    default void checkProtocol(CognitoSyncComponents components) {
    }
}
