package dev.runway.cli.platform;

import java.net.http.HttpClient;

/**
 * Every JDK HTTP client of runwayctl is built here, so the one setting the JDK reads once, at the
 * first client it builds, is made before that: the gateway routes by {@code Host}, as a load
 * balancer's front end would, and the JDK client refuses to set that header unless allowed.
 */
public final class HttpClients {
  private HttpClients() {}

  static {
    System.setProperty("jdk.httpclient.allowRestrictedHeaders", "host");
  }

  public static HttpClient.Builder builder() {
    return HttpClient.newBuilder();
  }
}
