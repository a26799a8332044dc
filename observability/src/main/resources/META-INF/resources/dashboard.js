// Runway's SLO dashboard: one tile per service × environment × region, fed by server-sent events
// from /api/v1/stream once a second. No framework: the page is small and must load anywhere.
(function () {
  "use strict";
  const PALETTE = ["#58a6ff", "#bc8cff", "#3fb950", "#d29922", "#f778ba", "#79c0ff"];
  const HISTORY = 60;
  const history = new Map(); // tile key -> requests/s of the last HISTORY updates

  const el = (tag, attrs, ...children) => {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === "class") node.className = v; else if (k === "text") node.textContent = v;
      else node.setAttribute(k, v);
    }
    children.flat().forEach((c) => c && node.appendChild(typeof c === "string" ? document.createTextNode(c) : c));
    return node;
  };
  const fmt = {
    rps: (v) => (v >= 100 ? v.toFixed(0) : v.toFixed(1)),
    pct: (v) => (v * 100).toFixed(v < 0.01 ? 2 : 1) + "%",
    ms: (v) => (v == null ? "–" : v >= 100 ? v.toFixed(0) + " ms" : v.toFixed(1) + " ms"),
    burn: (v) => (v >= 100 ? v.toFixed(0) : v.toFixed(1)) + "×",
    time: (t) => new Date(t).toLocaleTimeString([], { hour12: false }),
  };
  const colour = (revisions, name) => PALETTE[Math.max(0, revisions.indexOf(name)) % PALETTE.length];

  function sparkline(key, rps) {
    const values = history.get(key) || [];
    values.push(rps);
    while (values.length > HISTORY) values.shift();
    history.set(key, values);
    const max = Math.max(1, ...values);
    const points = values.map((v, i) => `${(i / (HISTORY - 1)) * 100},${32 - (v / max) * 30}`).join(" ");
    const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
    svg.setAttribute("class", "spark");
    svg.setAttribute("viewBox", "0 0 100 34");
    svg.setAttribute("preserveAspectRatio", "none");
    svg.innerHTML = `<polyline fill="none" stroke="#58a6ff" stroke-width="1.5" vector-effect="non-scaling-stroke" points="${points}"/>`;
    return svg;
  }

  function sliBox(sli, objective) {
    const burns = el("div", { class: "burns" });
    Object.entries(sli.burn_rates).forEach(([window, rate]) => {
      const width = Math.min(100, (rate / 14.4) * 100);
      const heat = rate > 14.4 ? "hot" : rate > 1 ? "warm" : "";
      burns.append(el("span", { text: window }),
        el("span", { class: "bar" }, el("i", { class: heat, style: `width:${width}%` })),
        el("span", { text: fmt.burn(rate) }));
    });
    return el("div", { class: "sli" },
      el("div", { class: "h" }, el("b", { text: sli.sli }),
        el("span", { class: `badge s-${sli.status}`, text: sli.status.replace("_", " ").toLowerCase() })),
      burns,
      el("div", { class: "budget", text: `budget left ${fmt.pct(sli.budget_remaining)}` +
        (sli.breach ? ` · breached by ${sli.breach.rule}` : "") }));
  }

  function tile(service, env, region) {
    const key = `${service.service}/${env.environment}/${region.region}`;
    const revisions = region.revisions.map((r) => r.revision);
    const split = el("div", { class: "split", title: "traffic split" },
      Object.entries(region.split).map(([rev, w]) =>
        el("span", { style: `width:${w}%;background:${colour(revisions, rev)}`, title: `${rev} ${w}%` })));
    const revs = region.revisions
      .filter((r) => r.weight > 0 || r.requests_per_second > 0 || r.slis.some((s) => s.breach))
      .map((r) => el("div", { class: "rev", "data-revision": r.revision },
        el("div", { class: "name" },
          el("span", { style: `color:${colour(revisions, r.revision)}`, text: r.revision }),
          el("span", { class: "stable", text: `${r.weight}%${r.stable ? " · stable" : ""} · ${fmt.rps(r.requests_per_second)}/s` })),
        el("div", { class: "slis" }, r.slis.map((s) => sliBox(s, env)))));
    return el("section", { class: `tile s-${region.status}`, "data-service": service.service,
        "data-environment": env.environment, "data-region": region.region },
      el("div", { class: "top" }, el("span", { class: "region", text: region.region }),
        el("span", { class: `badge s-${region.status}`, text: region.status.replace("_", " ").toLowerCase() })),
      el("div", { class: "figures" },
        el("div", { class: "figure" }, el("div", { class: "v rps", text: fmt.rps(region.requests_per_second) }), el("div", { class: "l", text: "requests/s" })),
        el("div", { class: "figure" }, el("div", { class: "v errors", text: fmt.pct(region.error_ratio) }), el("div", { class: "l", text: "5xx" })),
        el("div", { class: "figure" }, el("div", { class: "v p95", text: fmt.ms(region.p95_ms) }), el("div", { class: "l", text: "p95" }))),
      sparkline(key, region.requests_per_second),
      split,
      revs);
  }

  function render(data) {
    const root = document.getElementById("services");
    root.replaceChildren(...(data.services.length ? data.services.map((service) =>
      el("div", { class: "service", "data-service": service.service },
        el("h2", { text: service.service }),
        service.environments.map((env) => el("div", { class: "env" },
          el("h3", {}, env.environment, el("span", { class: "objective",
            text: `${env.availability_objective}% available · ${env.latency_threshold_ms} ms` })),
          el("div", { class: "tiles" }, env.regions.map((region) => tile(service, env, region))))))) :
      [el("p", { class: "empty", text: "No service has sent telemetry or a manifest yet." })]));
    document.getElementById("timeline").replaceChildren(...data.timeline.map((item) =>
      el("li", { class: `k-${item.kind}` },
        el("div", { class: "when", text: `${fmt.time(item.at)} · ${item.kind}` }),
        el("div", { class: "what", text: `${item.service}${item.environment ? "/" + item.environment : ""}: ${item.detail}` }),
        item.region ? el("div", { class: "where", text: item.region }) : null)));
    document.getElementById("scale").textContent = data.time_scale === 1 ? "real time" : `time scale ${data.time_scale}`;
    document.getElementById("clock").textContent = fmt.time(data.generated_at);
  }

  function connect() {
    const status = document.getElementById("connection");
    const source = new EventSource("api/v1/stream");
    source.onopen = () => { status.textContent = "live"; status.className = "pill pill-live"; };
    source.onmessage = (message) => render(JSON.parse(message.data));
    source.onerror = () => { status.textContent = "reconnecting…"; status.className = "pill pill-wait"; };
  }
  connect();
})();
