package dev.runway.provisioner.gitlab;

import java.util.Map;
import java.util.Set;

/**
 * The inventory's services that live in one GitLab project, with their provisioned regions.
 *
 * @param projectId the GitLab project id
 * @param regions provisioned regions by service name
 */
record ProjectServices(long projectId, Map<String, Set<String>> regions) {}
