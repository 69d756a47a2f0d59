#!/usr/bin/env python3
"""Builds src/framework/fitsm-1-3.0.json (the engine format) from the FitSM-1
transcription src/framework/fitsm-3.0-requirements.json. Requirement text is
copied unchanged (CC BY 4.0); the short leaf titles are Clausebook's own."""
import json, os, re

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(HERE, "..", "src", "framework", "fitsm-3.0-requirements.json")
OUT = os.path.join(HERE, "..", "src", "framework", "fitsm-1-3.0.json")

TITLES = {
 "GR1.1": "SMS owner assigned", "GR1.2": "Service management policy", "GR1.3": "Management reviews",
 "GR2.1": "Key SMS documents", "GR2.2": "Process definitions", "GR2.3": "Process outputs and records",
 "GR2.4": "Control of documented information",
 "GR3.1": "Stakeholders and their needs", "GR3.2": "SMS scope",
 "GR4.1": "Service management plan", "GR4.2": "Process plans aligned",
 "GR5.1": "Plan implemented", "GR5.2": "Processes followed in practice",
 "GR6.1": "Effectiveness measured", "GR6.2": "Assessments and audits",
 "GR7.1": "Nonconformities corrected", "GR7.2": "Continual improvement",
 "PR1.1": "Service portfolio maintained", "PR1.2": "New or changed service proposals",
 "PR1.3": "Service lifecycle managed", "PR1.4": "Suppliers per service",
 "PR2.1": "Service catalogue", "PR2.2": "Service level agreements", "PR2.3": "Performance against SLAs",
 "PR2.4": "UAs and OLAs", "PR2.5": "Performance against UAs and OLAs",
 "PR3.1": "Required reports identified", "PR3.2": "Reports agreed and specified", "PR3.3": "Reports produced and delivered",
 "PR4.1": "Availability and continuity requirements", "PR4.2": "Availability and continuity risks",
 "PR4.3": "Measures against those risks", "PR4.4": "Availability monitored",
 "PR5.1": "Capacity and performance requirements", "PR5.2": "Current capacity and utilisation",
 "PR5.3": "Future capacity planned", "PR5.4": "Performance analysed",
 "PR6.1": "Security requirements and policies", "PR6.2": "Security risks assessed",
 "PR6.3": "Security controls implemented", "PR6.4": "Security events and incidents", "PR6.5": "Access control",
 "PR7.1": "Customers identified", "PR7.2": "Contact per customer", "PR7.3": "Customer communication channels",
 "PR7.4": "Service reviews with customers", "PR7.5": "Service complaints", "PR7.6": "Customer satisfaction",
 "PR8.1": "Suppliers identified", "PR8.2": "Contact per supplier", "PR8.3": "Supplier communication channels",
 "PR8.4": "Suppliers evaluated",
 "PR9.1": "Register, classify and prioritise", "PR9.2": "Resolve and fulfil", "PR9.3": "Escalation",
 "PR9.4": "Keeping customers and users informed", "PR9.5": "Closure", "PR9.6": "Major incidents",
 "PR10.1": "Problems identified and registered", "PR10.2": "Problems investigated",
 "PR10.3": "Known errors registered", "PR10.4": "Known error information kept current",
 "PR11.1": "Configuration management scope", "PR11.2": "Level of detail", "PR11.3": "Configuration management database",
 "PR11.4": "CIs controlled", "PR11.5": "CMDB verified",
 "PR12.1": "Changes registered and classified", "PR12.2": "Steps per change type", "PR12.3": "Changes assessed",
 "PR12.4": "Changes approved", "PR12.5": "Review and closure", "PR12.6": "Schedule of changes",
 "PR13.1": "Release and deployment strategies", "PR13.2": "Release criteria", "PR13.3": "Deployment planned",
 "PR13.4": "Releases built and tested", "PR13.5": "Preparing for failed deployments", "PR13.6": "Deployment evaluated",
 "PR14.1": "Improvement opportunities registered", "PR14.2": "Opportunities assessed", "PR14.3": "Improvement actions controlled",
}

# FitSM's general requirements follow PDCA themselves (GR4 PLAN … GR7 ACT);
# the processes are operation, except continual improvement.
def phase(group_id):
    return {"GR5": "do", "GR6": "check", "GR7": "act", "PR14": "act"}.get(
        group_id, "plan" if group_id.startswith("GR") else "do")

def group_title(name):
    # "Documentation (DOC)" -> "Documentation": the acronym is noise in a heading.
    return re.sub(r"\s*\([A-Z]+\)$", "", name)

src = json.load(open(SRC, encoding="utf-8"))
nodes = []
for group in src["general"] + src["process"]:
    gid = group["id"]
    nodes.append({"id": gid, "number": gid, "title": group_title(group["name"]),
                  "parent": None, "pdca": phase(gid)})
    for item in group["items"]:
        nodes.append({"id": item["id"], "number": item["id"], "title": TITLES[item["id"]],
                      "parent": gid, "pdca": phase(gid), "text": item["text"]})
assert len(TITLES) == sum(len(g["items"]) for g in src["general"] + src["process"])

out = {
 "id": "fitsm-1-3.0",
 "version": "1.0.0",
 "name": "FitSM-1 (3.0)",
 "subtitle": "Requirements for lightweight service management",
 "allows_exclusions": False,
 "source_note": "FitSM-1 requirements (FitSM 3.0). Requirement text is shown unchanged under CC BY 4.0; the short titles and everything else are Clausebook's own.",
 "pdca_note": "FitSM's general requirements are grouped as PLAN, DO, CHECK and ACT themselves (GR4 to GR7). Clausebook puts the other general requirements in Plan and the processes in Do, except continual improvement in Act: that part is Clausebook's own reading.",
 "pdca_convention": "PDCA phases: FitSM's own for GR4 to GR7, Clausebook's reading for the rest.",
 "attribution": src["attribution"],
 "licence_url": "https://creativecommons.org/licenses/by/4.0/",
 "capability_scale": {
  "name": "FitSM capability scale",
  "levels": [
   {"level": 0, "name": "Non-existent", "meaning": "Not done at all, or only by accident."},
   {"level": 1, "name": "Initial", "meaning": "Done sometimes, informally, depending on who is there."},
   {"level": 2, "name": "Repeatable", "meaning": "Done the same way each time, though not yet written down for everyone."},
   {"level": 3, "name": "Defined", "meaning": "Written down, agreed and followed as the standard way of working."},
   {"level": 4, "name": "Managed", "meaning": "Measured against goals and steered by those measurements."}
  ]
 },
 "documented_information": [],
 "nodes": nodes,
}
with open(OUT, "w", encoding="utf-8") as f:
    json.dump(out, f, ensure_ascii=False, indent=1)
    f.write("\n")
print(len(nodes), "nodes")
