package org.openamr.server.web;

import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * An upload refused for its size is read to its end (up to {@code server.tomcat.max-swallow-size}) before the
 * connection closes. Tomcat's default aborts it: the connection is closed with the client still sending, the
 * kernel answers the unread bytes with a reset, and the browser may lose the page that says "file too large"
 * (ImportUploadLimitTest saw its 413 answer cut off in a CI run).
 */
@Configuration(proxyBeanMethods = false)
class AbortedUploads {

    @Bean
    TomcatContextCustomizer swallowAbortedUploads() {
        return context -> context.setSwallowAbortedUploads(true);
    }
}
