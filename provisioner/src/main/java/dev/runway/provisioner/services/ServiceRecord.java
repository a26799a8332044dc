package dev.runway.provisioner.services;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.runway.common.events.ProvisionedResource;
import dev.runway.common.json.WireJson;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

/** The provisioner's current view of one service. */
@Entity
@Table(name = "service")
public class ServiceRecord extends PanacheEntityBase {

  private static final TypeReference<List<ProvisionedResource>> RESOURCES =
      new TypeReference<>() {};

  @Id public String name;

  @Column(name = "project_id")
  public long projectId;

  /** Comma-separated, in inventory order; see {@link #regionList()}. */
  public String regions;

  @Column(name = "in_inventory")
  public boolean inInventory;

  @Enumerated(EnumType.STRING)
  public ServiceStatus status;

  public String reason;

  @Column(name = "service_account")
  public String serviceAccount;

  /** JSON array of {@link ProvisionedResource}; see {@link #resourceList()}. */
  public String resources = "[]";

  @Column(name = "updated_at")
  public OffsetDateTime updatedAt;

  public static Uni<List<ServiceRecord>> inInventory() {
    return list("inInventory = true order by name");
  }

  public List<String> regionList() {
    return regions == null || regions.isEmpty() ? List.of() : Arrays.asList(regions.split(","));
  }

  public List<ProvisionedResource> resourceList() {
    try {
      return WireJson.mapper().readValue(resources, RESOURCES);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("service " + name + " has unreadable resources", e);
    }
  }

  public void request(long projectId, List<String> regions) {
    this.projectId = projectId;
    this.regions = String.join(",", regions);
    this.inInventory = true;
    transition(ServiceStatus.REQUESTED, null);
  }

  public void requestDecommission() {
    this.inInventory = false;
    transition(ServiceStatus.DECOMMISSION_REQUESTED, null);
  }

  public void provisioned(String serviceAccount, List<ProvisionedResource> resources) {
    this.serviceAccount = serviceAccount;
    this.resources = writeResources(resources);
    transition(ServiceStatus.PROVISIONED, null);
  }

  public void failed(String reason) {
    transition(ServiceStatus.FAILED, reason);
  }

  public void decommissioned() {
    this.resources = "[]";
    transition(ServiceStatus.DECOMMISSIONED, null);
  }

  private void transition(ServiceStatus status, String reason) {
    this.status = status;
    this.reason = reason;
    this.updatedAt = OffsetDateTime.now();
  }

  private static String writeResources(List<ProvisionedResource> resources) {
    try {
      return WireJson.mapper().writeValueAsString(resources);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
