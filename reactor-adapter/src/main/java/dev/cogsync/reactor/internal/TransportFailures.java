package dev.cogsync.reactor.internal;

import dev.cogsync.exception.AttemptTimeoutException;
import dev.cogsync.exception.CognitoSyncClientException;
import dev.cogsync.exception.CognitoSyncException;
import dev.cogsync.exception.TransportException;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.timeout.ReadTimeoutException;
import reactor.netty.http.client.PrematureCloseException;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/** Turns the raw failures of a Reactor Netty exchange into the client's typed exceptions. */
final class TransportFailures {

    private TransportFailures() {
    }

    /**
     * Classifies a failure of attempt {@code attempt}.
     *
     * @param failure what the exchange signalled
     * @param attempt the attempt number, from 1
     * @param responseTimeout the configured response timeout, for the message
     * @return the typed exception
     */
    static CognitoSyncException classify(Throwable failure, int attempt, Duration responseTimeout) {
        if (failure instanceof CognitoSyncException typed) {
            return typed;
        }
        if (failure instanceof ReadTimeoutException || failure instanceof TimeoutException) {
            return new AttemptTimeoutException(responseTimeout, attempt);
        }
        if (failure instanceof ConnectException || failure instanceof ConnectTimeoutException
                || failure instanceof UnknownHostException || failure instanceof NoRouteToHostException) {
            return new TransportException("could not connect: " + describe(failure), failure, attempt, false);
        }
        if (isPoolAcquireFailure(failure)) {
            return new TransportException("no connection available from the pool: " + describe(failure), failure,
                    attempt, false);
        }
        if (failure instanceof PrematureCloseException) {
            return new TransportException("connection closed before the response was complete", failure, attempt,
                    true);
        }
        if (failure instanceof IOException || failure instanceof ClosedChannelException) {
            return new TransportException("I/O failure: " + describe(failure), failure, attempt, true);
        }
        return new CognitoSyncClientException("unexpected failure: " + describe(failure), failure, attempt);
    }

    private static boolean isPoolAcquireFailure(Throwable failure) {
        // reactor-pool is shaded into reactor-netty under an internal package; match by simple name.
        String name = failure.getClass().getSimpleName();
        return name.equals("PoolAcquireTimeoutException") || name.equals("PoolAcquirePendingLimitException");
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        return message == null ? failure.getClass().getSimpleName()
                : failure.getClass().getSimpleName() + ": " + message;
    }
}
