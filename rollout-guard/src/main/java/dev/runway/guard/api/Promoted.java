package dev.runway.guard.api;

/**
 * The answer to a promotion by hand.
 *
 * @param promoted the staging revision approved for production
 * @param event the PromotionApproved event's id
 */
public record Promoted(String promoted, String event) {}
