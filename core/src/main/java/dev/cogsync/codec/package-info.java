/**
 * Typed record values: {@link dev.cogsync.codec.ValueCodec} turns a value into the string a record stores and back.
 */
package dev.cogsync.codec;
