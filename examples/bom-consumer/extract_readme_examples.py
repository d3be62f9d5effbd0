#!/usr/bin/env python3
"""Writes the README's Java examples into src/main/java/example/ReadmeExamples.java, one method each, and each
example that is a whole class (the Gatling simulation) into a file of its own.

The examples assume a running emulator (`emulator.endpoint()`, `emulator.credentials()`) and, for the coalescer,
the plain client's `client` and `dataset`; the methods take those as parameters. The AWS SDK adapter's example is
left out: it needs the SDK, which this project does not depend on.
"""
import pathlib
import re

here = pathlib.Path(__file__).resolve().parent
readme = (here.parent.parent / "README.md").read_text()
blocks = re.findall(r"```java\n(.*?)```", readme, re.S)
methods = []
classes = 0
for i, block in enumerate(blocks):
    if "AwsSdkCredentialsAdapter" in block:
        continue
    whole = re.search(r"^public class (\w+)", block, re.M)
    if whole:
        path = here / "src" / "main" / "java" / "example" / (whole.group(1) + ".java")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("package example;\n\n" + block)
        classes += 1
        continue
    # Each example gets what it uses from its context as parameters, unless it declares it itself.
    candidates = [("Emulator", "emulator"), ("CognitoSyncClient", "client"), ("DatasetRef", "dataset"),
                  ("CoalescingWriter", "writer"), ("String", "poolId"), ("String", "identityId"),
                  ("MeterRegistry", "registry")]
    params = ", ".join("%s %s" % (kind, name) for kind, name in candidates
                       if not re.search(r"^\s*%s %s =" % (kind, name), block, re.M))
    body = "\n".join("        " + line if line else "" for line in block.rstrip().splitlines())
    methods.append("    static void example%d(%s) {\n%s\n    }\n" % (i + 1, params, body))

source = """package example;

import dev.cogsync.auth.AwsCredentials;
import dev.cogsync.auth.StaticCredentialsProvider;
import dev.cogsync.exception.ResourceConflictException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cogsync.codec.ValueCodec;
import dev.cogsync.model.Dataset;
import dev.cogsync.model.DatasetRef;
import dev.cogsync.model.ListRecordsRequest;
import dev.cogsync.model.Record;
import dev.cogsync.model.RecordPatch;
import dev.cogsync.model.UpdateRecordsRequest;
import dev.cogsync.model.UpdateRecordsResponse;
import dev.cogsync.reactor.ClientOptions;
import dev.cogsync.reactor.CoalescingWriter;
import dev.cogsync.reactor.CognitoSyncClient;
import dev.cogsync.reactor.TypedRecord;
import dev.cogsync.reactor.WriterOptions;
import dev.cogsync.reactor.json.JacksonValueCodec;
import dev.cogsync.reactor.micrometer.CogsyncMeters;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import dev.cogsync.reactor.auth.CognitoIdentityCredentialsProvider;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The README's examples, extracted by extract_readme_examples.py: they must compile against the BOM's artifacts. */
final class ReadmeExamples {

    /** Where the examples find their endpoint and credentials: an emulator, in the README. */
    interface Emulator {
        URI endpoint();

        AwsCredentials credentials();
    }

%s}
""" % "\n".join(methods)
out = here / "src" / "main" / "java" / "example" / "ReadmeExamples.java"
out.parent.mkdir(parents=True, exist_ok=True)
out.write_text(source)
print("wrote %d examples to %s, and %d whole classes beside it" % (len(methods), out, classes))
