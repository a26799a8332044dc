package dev.runway.router.routes;

/** A backend and its share of its region's traffic, in percent. */
public record WeightedBackend(Backend backend, int weight) {}
