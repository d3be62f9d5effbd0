/**
 * Typed record values as JSON: {@link dev.cogsync.reactor.json.JacksonValueCodec} (Jackson 2) and
 * {@link dev.cogsync.reactor.json.Jackson3ValueCodec} (Jackson 3), each needing its Jackson on the classpath.
 */
package dev.cogsync.reactor.json;
