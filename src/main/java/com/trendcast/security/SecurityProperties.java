package com.trendcast.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

@ConfigurationProperties("trendcast.security")
record SecurityProperties(@DefaultValue("5") int maxFailedLogins, @DefaultValue("15m") Duration lockoutDuration) {
}
