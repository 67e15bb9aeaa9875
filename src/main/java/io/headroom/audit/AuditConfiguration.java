package io.headroom.audit;

import org.springframework.aop.Advisor;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.security.authorization.method.AuthorizationInterceptorsOrder;

@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

    /**
     * Applies {@link AuditingInterceptor} to {@link Audited} methods, outside method security's
     * role checks, so a refused call is audited as denied. An infrastructure advisor, as method
     * security's own are, so the same auto-proxy creator applies it without AspectJ.
     */
    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static Advisor auditingAdvisor(ObjectProvider<AuditLog> log) {
        var advisor = new DefaultPointcutAdvisor(AnnotationMatchingPointcut.forMethodAnnotation(Audited.class),
                new AuditingInterceptor(log));
        advisor.setOrder(AuthorizationInterceptorsOrder.FIRST.getOrder() + 1);
        return advisor;
    }
}
