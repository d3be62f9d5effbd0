/**
 * Spring Boot 4 auto-configuration of cogsync: {@link dev.cogsync.spring.CogsyncProperties},
 * {@link dev.cogsync.spring.CogsyncAutoConfiguration}, the {@code cogsync} health indicator and the writer's
 * shutdown.
 */
package dev.cogsync.spring;
