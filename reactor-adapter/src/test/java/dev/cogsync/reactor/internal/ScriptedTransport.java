package dev.cogsync.reactor.internal;

import dev.cogsync.protocol.WireRequest;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** A transport that plays back scripted outcomes and records what was sent, and when on the scheduler's clock. */
final class ScriptedTransport implements Transport {

    /** One recorded exchange. */
    record Sent(WireRequest request, long atMillis) {
    }

    private final Deque<Supplier<Mono<HttpResult>>> script = new ArrayDeque<>();
    final List<Sent> sent = new CopyOnWriteArrayList<>();

    ScriptedTransport respond(int status, String body, String... headers) {
        Map<String, String> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 0; i < headers.length; i += 2) {
            map.put(headers[i], headers[i + 1]);
        }
        HttpResult result = new HttpResult(status, map::get, body.getBytes(StandardCharsets.UTF_8));
        script.add(() -> Mono.just(result));
        return this;
    }

    ScriptedTransport error(String code, int status) {
        return respond(status, "{\"message\":\"scripted " + code + "\"}", "x-amzn-ErrorType", code,
                "x-amzn-RequestId", "req-" + (script.size() + 1));
    }

    ScriptedTransport fail(Throwable failure) {
        script.add(() -> Mono.error(failure));
        return this;
    }

    ScriptedTransport hang() {
        script.add(Mono::never);
        return this;
    }

    ScriptedTransport repeat(int times, Runnable step) {
        for (int i = 0; i < times; i++) {
            step.run();
        }
        return this;
    }

    @Override
    public Mono<HttpResult> exchange(WireRequest request) {
        return Mono.defer(() -> {
            sent.add(new Sent(request, Schedulers.parallel().now(TimeUnit.MILLISECONDS)));
            Supplier<Mono<HttpResult>> next = script.poll();
            if (next == null) {
                return Mono.error(new AssertionError("unscripted exchange #" + sent.size()));
            }
            return next.get();
        });
    }

    long gapMillis(int retry) {
        return sent.get(retry).atMillis() - sent.get(retry - 1).atMillis();
    }
}
