package org.openamr.server.web;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The pages' language: the browser's Accept-Language until the user picks one with {@code ?lang=ru|en},
 * which a cookie then keeps. Only Russian and English exist; anything else falls back to Russian, the
 * language of the customers' staff.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    static final List<Locale> SUPPORTED = List.of(Locale.forLanguageTag("ru"), Locale.ENGLISH);

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("openamr-lang");
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setDefaultLocaleFunction(request -> {
            var accepted = request.getHeader("Accept-Language");
            if (accepted != null && !accepted.isBlank()) {
                try {
                    Locale best = Locale.lookup(Locale.LanguageRange.parse(accepted), SUPPORTED);
                    if (best != null) {
                        return best;
                    }
                } catch (IllegalArgumentException malformed) {
                    // a broken header is no reason to fail the page
                }
            }
            return SUPPORTED.get(0);
        });
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change).excludePathPatterns("/api/**", "/ingest/**");
    }
}
