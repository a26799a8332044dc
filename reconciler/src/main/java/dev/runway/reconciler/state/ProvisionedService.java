package dev.runway.reconciler.state;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/** A service the provisioner has provisioned, and its regions: what manifests may deploy to. */
@Entity
@Table(name = "provisioned_service")
public class ProvisionedService extends PanacheEntityBase {

  @Id public String name;

  public String regions;

  public Set<String> regionSet() {
    return new LinkedHashSet<>(Arrays.asList(regions.split(",")));
  }
}
