package locker.testsupport.twin;

import locker.twin.server.ReferenceServerSettings;
import locker.twin.stack.EmbeddedStack;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An embedded stack for one test class, with its API client and inspector:
 * {@code @RegisterExtension static final StackExtension STACK = new StackExtension(settings);}
 */
public final class StackExtension implements BeforeAllCallback, AfterAllCallback {
    private final ReferenceServerSettings settings;
    private EmbeddedStack stack;
    private ApiClient api;
    private StackInspector inspector;

    public StackExtension() {
        this(ReferenceServerSettings.defaults());
    }

    public StackExtension(ReferenceServerSettings settings) {
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

    public EmbeddedStack stack() {
        return stack;
    }

    public ApiClient api() {
        return api;
    }

    public StackInspector inspector() {
        return inspector;
    }
}
