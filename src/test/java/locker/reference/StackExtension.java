package locker.reference;

import locker.stack.EmbeddedStack;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An embedded stack for one test class, with its API client and inspector:
 * {@code @RegisterExtension static final StackExtension STACK = new StackExtension(settings);}
 */
final class StackExtension implements BeforeAllCallback, AfterAllCallback {
    private final ReferenceServerSettings settings;
    private EmbeddedStack stack;
    private ApiClient api;
    private StackInspector inspector;

    StackExtension() {
        this(ReferenceServerSettings.defaults());
    }

    StackExtension(ReferenceServerSettings settings) {
        this.settings = settings;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        stack = EmbeddedStack.start(settings, 0);
        api = new ApiClient(stack.baseUrl());
        inspector = new StackInspector(stack);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (stack != null) {
            stack.close();
        }
    }

    EmbeddedStack stack() {
        return stack;
    }

    ApiClient api() {
        return api;
    }

    StackInspector inspector() {
        return inspector;
    }
}
