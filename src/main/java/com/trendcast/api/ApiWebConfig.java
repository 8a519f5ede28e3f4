package com.trendcast.api;

import com.trendcast.security.AccessScope;
import com.trendcast.security.UserService;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

/** The REST API's shared parts: the caller's scope as a parameter, and its OpenAPI description. */
@Configuration
@ConditionalOnWebApplication
class ApiWebConfig implements WebMvcConfigurer {

    private static final String BEARER = "bearer";

    static {
        // The scope comes from the token, never from the request: keep it out of the published parameters.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(AccessScope.class);
    }

    private final UserService users;

    ApiWebConfig(UserService users) {
        this.users = users;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CallerScopeResolver(users));
    }

    @Bean
    OpenAPI trendcastOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Trendcast API").version("v1")
                        .description("Sales, datasets, pipelines, training runs and forecasts of the caller's "
                                + "categories. Authenticate with "
                                + "a personal API token: 'Authorization: Bearer tc_...'. Errors are JSON objects "
                                + "with a stable 'code' and a 'message' in the Accept-Language of the request."))
                .components(new Components().addSecuritySchemes(BEARER,
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .description("A personal API token (account menu > API tokens, or the 'token "
                                        + "create' command)")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }
}
