package org.openamr.server.ingest;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Every push passes {@link PushMetrics}, whichever way it is answered. */
@Configuration(proxyBeanMethods = false)
class IngestWebConfiguration implements WebMvcConfigurer {

    private final PushMetrics metrics;

    IngestWebConfiguration(PushMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(metrics).addPathPatterns("/ingest/**");
    }
}
