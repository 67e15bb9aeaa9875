package io.headroom.audit;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;

/**
 * Around an {@link Audited} method: the entry first, then the call (and so the role check, which
 * runs inside this interceptor), then the outcome.
 */
final class AuditingInterceptor implements MethodInterceptor {

    private final ObjectProvider<AuditLog> log;

    AuditingInterceptor(ObjectProvider<AuditLog> log) {
        this.log = log;
    }

    @Override
    public Object invoke(MethodInvocation invocation) throws Throwable {
        Method method = invocation.getThis() == null ? invocation.getMethod()
                : AopUtils.getMostSpecificMethod(invocation.getMethod(), invocation.getThis().getClass());
        Audited audited = AnnotatedElementUtils.findMergedAnnotation(method, Audited.class);
        if (audited == null) {
            return invocation.proceed();
        }
        Map<String, Object> parameters = parameters(invocation.getMethod(), invocation.getArguments());
        AuditLog audit = log.getObject();
        long id = audit.begin(audited.value(), service(parameters), parameters);
        try {
            Object result = invocation.proceed();
            audit.complete(id, AuditOutcome.DONE, null);
            return result;
        } catch (AccessDeniedException | AuthenticationException e) {
            audit.complete(id, AuditOutcome.DENIED, e.getMessage());
            throw e;
        } catch (Throwable e) {
            audit.complete(id, AuditOutcome.FAILED, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            throw e;
        }
    }

    /** A {@code String} argument named {@code service}, or the {@code service} of a record argument (an SLO). */
    static String service(Map<String, Object> parameters) {
        if (parameters.get("service") instanceof String service) {
            return service;
        }
        for (Object argument : parameters.values()) {
            if (argument instanceof Record record) {
                for (var component : record.getClass().getRecordComponents()) {
                    if (component.getName().equals("service") && component.getType() == String.class) {
                        try {
                            return (String) component.getAccessor().invoke(record);
                        } catch (ReflectiveOperationException e) {
                            return null;
                        }
                    }
                }
            }
        }
        return null;
    }

    /** The arguments by name (the build keeps parameter names), secrets left out. */
    static Map<String, Object> parameters(Method method, Object[] arguments) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        Parameter[] declared = method.getParameters();
        for (int i = 0; i < declared.length; i++) {
            String name = declared[i].getName();
            String lower = name.toLowerCase(Locale.ROOT);
            boolean secret = lower.contains("password") || lower.contains("secret") || lower.contains("token");
            parameters.put(name, secret ? "redacted" : arguments[i]);
        }
        return parameters;
    }
}
