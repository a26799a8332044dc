package dev.runway.common.regions;

/**
 * A Cloud Run region and where it is.
 *
 * @param name the region name ({@code europe-west1})
 * @param location the city or area it is in
 * @param latitude degrees north
 * @param longitude degrees east
 */
public record Region(String name, String location, double latitude, double longitude) {}
