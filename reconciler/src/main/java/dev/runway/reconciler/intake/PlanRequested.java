package dev.runway.reconciler.intake;

/**
 * The answer to a dry run.
 *
 * @param planId the plan's id
 * @param plan where the plan appears once every region has been planned
 */
public record PlanRequested(String planId, String plan) {}
