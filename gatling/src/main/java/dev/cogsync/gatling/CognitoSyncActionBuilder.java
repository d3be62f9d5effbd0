package dev.cogsync.gatling;

import io.gatling.commons.validation.Validation;
import io.gatling.core.action.Action;
import io.gatling.core.session.Session;
import io.gatling.core.structure.ScenarioContext;
import io.gatling.javaapi.core.ActionBuilder;

import java.util.List;
import java.util.Objects;

/**
 * A Cognito Sync action, ready for {@code exec(...)}. Immutable.
 */
public final class CognitoSyncActionBuilder implements ActionBuilder {

    private final scala.Function1<Session, Validation<String>> name;
    private final List<scala.Function1<Session, Validation<String>>> arguments;
    private final Operation operation;
    private final String saveAs;

    CognitoSyncActionBuilder(scala.Function1<Session, Validation<String>> name,
                             List<scala.Function1<Session, Validation<String>>> arguments, Operation operation,
                             String saveAs) {
        this.name = name;
        this.arguments = arguments;
        this.operation = operation;
        this.saveAs = saveAs;
    }

    /**
     * Saves the action's result in the virtual user's session when it succeeds: what each action saves is on the
     * method that made it.
     *
     * @param attribute the session attribute
     * @return a new builder
     */
    public CognitoSyncActionBuilder saveAs(String attribute) {
        return new CognitoSyncActionBuilder(name, arguments, operation, Objects.requireNonNull(attribute,
                "attribute"));
    }

    @Override
    public io.gatling.core.action.builder.ActionBuilder asScala() {
        return new io.gatling.core.action.builder.ActionBuilder() {
            @Override
            public Action build(ScenarioContext context, Action next) {
                CognitoSyncComponents components = context.protocolComponentsRegistry()
                        .components(CognitoSyncProtocol.KEY);
                operation.checkProtocol(components);
                return new CognitoSyncAction(name, arguments, operation, saveAs, components,
                        context.coreComponents().statsEngine(), context.coreComponents().clock(), next);
            }
        };
    }
}
