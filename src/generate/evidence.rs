//! Evidence sentences for the sample workspace and the synthetic generator.
//!
//! For each of the 28 indicators of the built-in framework (see `FRAMEWORK.md`) and each level 1–5
//! there are exactly two alternative sentences, written the way a department official would record
//! evidence: naming the document, system, figure or date that proves the level. Everything here is
//! fictional: document numbers, figures and dates are invented, hosts are `example.gov` / `example.org`.

/// Evidence per indicator: `levels[0]` is level 1 (Initial) … `levels[4]` is level 5 (Comprehensive).
static EVIDENCE: [(&str, [[&str; 2]; 5]); 28] = [
    // D1 design
    (
        "design.strategy",
        [
            [
                "No written digital plan exists; the systems bought in 2024 were chosen project by project, as the procurement list kept by the general office shows.",
                "Searched the 2021–2024 document register: no IT or digital plan was ever issued; each division proposed its own projects in the annual budget.",
            ],
            [
                "IT Development Plan 2023–2025 (Doc. No. 2023-08) lists 14 systems to build, but sets no milestones, budget lines or owners.",
                "The information centre drafted a hardware and network plan in 2022; it covers servers and bandwidth only and was never approved by leadership.",
            ],
            [
                "Digital Government Strategy 2024–2026 (Doc. No. 2024-05) approved by the party group on 18 January; 23 milestones with budget, aligned with the city plan.",
                "Roadmap annex lists each milestone, lead division and funds (RMB 8.6 million over three years), cross-referenced to chapter 4 of the municipal plan.",
            ],
            [
                "Strategy folded into the municipal whole-of-government plan; 2024 annual review minutes (Doc. No. 2025-03) track 12 KPIs, 9 on target.",
                "Yearly review held with the big data bureau on 6 December 2024 updated the milestones; the KPI tracking sheet shows status per quarter.",
            ],
            [
                "2025 plan revision cites monitoring data and 1,240 citizen comments from the 12345 hotline; three priorities reordered (revision note attached).",
                "Roadmap revised each quarter from dashboard data; the Q2 2025 revision dropped two low-use projects and added a proactive benefits service.",
            ],
        ],
    ),
    (
        "design.standards",
        [
            [
                "No standards are referenced in any project file; the permit system and the archive system use different codes for the same enterprise.",
                "Asked five divisions which data standards they follow: none could name one, and no standards list exists in the department.",
            ],
            [
                "Contracts for 2023 projects mention national e-government standards in general terms, but no acceptance check was made against them.",
                "A folder of 31 national and provincial standards is kept by the information centre; project teams are not required to use it.",
            ],
            [
                "Standards Catalogue v1.0 (Doc. No. 2024-11) adopted in April 2024 with 46 standards; the project approval form now requires a compliance statement.",
                "Since July 2024 every new project file includes a standards checklist signed by the data unit; 7 of 7 new projects complied.",
            ],
            [
                "Acceptance reports for 2024 projects include a conformance test section; 11 of 12 systems passed, one was fixed before final payment.",
                "Conformance measured each quarter: 92 % of interfaces met the municipal data-element standard in Q1 2025 (test log attached).",
            ],
            [
                "The department co-drafted the municipal local standard on licence data elements (DB-XX/T 0412-2025), published in May 2025.",
                "Automated schema checks run in the data platform's release pipeline; a release is blocked if field codes deviate from the catalogue.",
            ],
        ],
    ),
    (
        "design.investment",
        [
            [
                "Each division buys its own software from its own budget; in 2023 three divisions paid separately for similar form-filling tools.",
                "No list of the department's systems exists; the finance office could not say how many IT contracts were running in 2024.",
            ],
            [
                "Project inventory compiled in March 2024 lists 38 systems with cost and vendor; it is not consulted when new purchases are approved.",
                "An Excel register of IT projects is kept by the general office and updated at year end; duplicate functions are not flagged.",
            ],
            [
                "Since 2024 every IT project above RMB 200,000 passes a reuse review by the data unit; 4 of 15 proposals were merged or reused.",
                "Reuse review opinions (template Doc. No. 2024-21) are attached to each approval; the Q3 review found two duplicate GIS requests.",
            ],
            [
                "Portfolio register managed centrally; shared identity, payment and e-seal components mandatory; RMB 3.1 million duplicate spend avoided in 2024.",
                "Quarterly portfolio report tracks 41 systems by cost and overlap; no new project may build its own login or messaging module.",
            ],
            [
                "2025 funding tied to outcome indicators per project; 6 redundant legacy systems retired in 2024, saving RMB 1.4 million a year in upkeep.",
                "2025 budget allocations weighted by measured service outcomes; the retirement list shows 9 systems switched off since 2023.",
            ],
        ],
    ),
    (
        "design.legal",
        [
            [
                "No written rules on data sharing; data is obtained from other bureaus by phoning acquaintances, as staff interviews in May 2024 confirm.",
                "No data-related rules appear in the department's regulation list; division heads decide case by case who may release which data.",
            ],
            [
                "Four bilateral data exchange agreements signed in 2023 (tax, civil affairs and two districts); no general rules stand behind them.",
                "Sharing with the market regulation bureau rests on a one-page memo from 2022; terms, duration and responsibilities are not specified.",
            ],
            [
                "Data sharing and opening rules (Doc. No. 2024-17) adopted by the bureau's party group on 12 March; responsibilities listed per division.",
                "Departmental measures on data management (Doc. No. 2024-09) set sharing, opening and security duties; circulated to all 14 divisions.",
            ],
            [
                "Internal rules revised to apply the municipal public data regulation; liability for misuse and a dispute route via the big data bureau defined.",
                "A 2024 dispute over address data with the housing bureau was settled under the regulation's procedure; decision record attached.",
            ],
            [
                "Rules reviewed every two years; the 2025 review (Doc. No. 2025-12) added terms for AI use of public data after legal counsel's opinion.",
                "A data sandbox opened in 2025 lets three approved research teams test new uses under time-limited permits; permit register attached.",
            ],
        ],
    ),
    (
        "design.evaluation",
        [
            [
                "No monitoring of digital projects; once delivered, systems are never reviewed and no indicators have been set.",
                "No evaluation reports exist for the 2020–2024 IT projects; success is judged informally by division heads.",
            ],
            [
                "The annual work summary reports outputs only (12 systems launched, 3,000 accounts created); no outcome or usage measures.",
                "The 2024 year-end report counts projects and amounts spent; no targets were set in advance to compare against.",
            ],
            [
                "Self-assessment against 28 maturity indicators held each year since 2023; 2024 scores and improvement actions approved on 20 December.",
                "Half-yearly self-assessment on 15 set indicators (template Doc. No. 2024-14); scores and evidence reviewed by the data unit.",
            ],
            [
                "Third-party evaluation by a university institute in 2024; its findings cut two projects' 2025 budgets and raised funding for data quality.",
                "External evaluation report (March 2025) scored all 6 dimensions; budget committee minutes cite it when approving 2025 IT spending.",
            ],
            [
                "Live dashboard tracks 24 indicators updated daily; a summary has been published monthly on the department's website since January 2025.",
                "Public annual digital government report (2024 edition) discloses all indicator scores and targets; dashboard link in the appendix.",
            ],
        ],
    ),
    // D2 sharing
    (
        "sharing.catalogue",
        [
            [
                "No data inventory exists; divisions could not list the datasets they hold when the big data bureau asked in 2024.",
                "Data held in 23 systems has never been listed; the department submitted no catalogue in the 2023 municipal round.",
            ],
            [
                "Partial dataset list (87 entries) compiled in 2023 for three divisions; owners and metadata missing for most entries.",
                "Spreadsheet inventory covers the licensing and inspection systems only; archive and finance data are not listed.",
            ],
            [
                "Data resource catalogue v2 (June 2024) lists 214 datasets, each with owner division, fields, update cycle and classification.",
                "Catalogue complete for all 14 divisions after the 2024 review; the metadata sheet of each dataset is signed off by its owner.",
            ],
            [
                "All 214 datasets registered on the municipal sharing platform with a sharing type; entries updated within 5 days of any change.",
                "Catalogue audit in Q4 2024 found 98 % of entries current; sharing attributes and legal basis recorded for each conditional dataset.",
            ],
            [
                "Catalogue synchronised automatically from system metadata every night; the usage log shows 1.2 million calls across 168 datasets in 2024.",
                "Usage per catalogue entry measured monthly; 31 unused datasets were reviewed in 2025 and either improved or archived.",
            ],
        ],
    ),
    (
        "sharing.exchange",
        [
            [
                "Data reaches other departments on USB sticks or as e-mail attachments; 46 such transfers were logged by hand in 2023.",
                "Printed licence lists are sent to the tax bureau every month; no electronic exchange channel exists.",
            ],
            [
                "Three point-to-point links built in 2022 (tax, social security, one district), each with its own format and no central record.",
                "A dedicated line to the market regulation bureau exchanges files nightly; other partners still receive e-mailed spreadsheets.",
            ],
            [
                "12 key datasets published on the municipal government exchange platform since March 2024; point-to-point links cut from 9 to 4.",
                "Exchange platform log shows licence, inspection and penalty data pushed weekly to 8 departments throughout 2024.",
            ],
            [
                "41 on-demand interfaces on the sharing platform; applicants no longer submit 17 certificates the department can fetch (list attached).",
                "Service-level agreements signed for 23 interfaces (99.5 % availability, 2-second response); the Q1 2025 report shows targets met.",
            ],
            [
                "Real-time interfaces serve the province and two neighbouring cities; cross-region licence checks averaged 0.8 seconds in 2025.",
                "Event-based data push to district and provincial systems since 2024; 2.3 million messages exchanged last year with no manual steps.",
            ],
        ],
    ),
    (
        "sharing.requests",
        [
            [
                "Requests for our data arrive by phone or letter and are not recorded; nobody knows how many were received or answered in 2024.",
                "No request register exists; a file check by the general office found four unanswered letters from other bureaus dated 2023.",
            ],
            [
                "Request register started in 2023: 58 requests logged, 19 met; most others stalled awaiting division approval.",
                "Requests now tracked in a shared spreadsheet; 2024 figures show 26 of 71 met, with an average wait of 47 working days.",
            ],
            [
                "37 of 52 sharing requests met within 10 working days in H1 2024 (request register attached).",
                "2024 register: 64 % of 88 requests met on time; overdue items are escalated to the deputy director each month.",
            ],
            [
                "83 % of 119 requests met on time in 2024; all 9 refusals cite a legal ground and were reported to the big data bureau.",
                "Q1 2025: 41 of 48 requests fulfilled within the agreed time; refusal notices state the rule and an appeal route (samples attached).",
            ],
            [
                "97 % of requests met on time in 2024; 12 datasets were shared proactively after analysing partners' recurring needs.",
                "Forecast from 2024 request history led to pre-publishing 9 datasets; only 4 new requests in H1 2025, all met within 3 days.",
            ],
        ],
    ),
    (
        "sharing.quality",
        [
            [
                "Data quality has never been measured; staff report duplicate enterprise records, but no one has counted or owns them.",
                "No quality checks exist; the 2024 audit found licence records without ID numbers, but the extent of the problem is unknown.",
            ],
            [
                "Errors are corrected when partner bureaus complain; 37 correction tickets handled in 2024, with no root-cause review.",
                "Data was cleaned once, before the 2023 platform migration; no rules prevent the same errors from recurring.",
            ],
            [
                "Quality rules (completeness, format, timeliness) defined for 64 core datasets in 2024; each dataset has a named data steward.",
                "Data quality management rules (Doc. No. 2024-19) assign an owner per dataset and a 5-working-day deadline for corrections.",
            ],
            [
                "Quarterly quality report: completeness 98.2 %, accuracy 96.5 % for core datasets; an authoritative source is listed for each item.",
                "Authoritative-source table names the issuing system for 412 data items; conflicting copies in 3 systems were removed in 2024.",
            ],
            [
                "Automated quality monitoring runs nightly against targets; alerts go to stewards, and 94 % of issues were closed within 48 hours in 2025.",
                "Quality dashboard tracks 18 rules per dataset against targets; the error rate fell from 3.1 % to 0.6 % between 2023 and 2025.",
            ],
        ],
    ),
    (
        "sharing.open",
        [
            [
                "No data has been opened to the public; the department's website publishes news and notices only.",
                "No open data published; researchers' requests in 2024 were refused because neither rules nor a channel existed.",
            ],
            [
                "A few PDF reports and annual statistics tables are posted on the website; none is machine-readable or licensed.",
                "Two scanned statistics yearbooks uploaded to the city portal in 2023; no data files, metadata or update schedule.",
            ],
            [
                "18 datasets published on the municipal open data portal in CSV and JSON under the portal's open licence since 2024.",
                "Open data list (Doc. No. 2024-23) approved; 25 machine-readable datasets with metadata and licence terms are now online.",
            ],
            [
                "42 open datasets updated on a set schedule, 11 through APIs; 6 datasets released in 2024 after public requests via the portal.",
                "Portal statistics show monthly updates for 90 % of our datasets; the release-on-request procedure answered 14 applications in 2024.",
            ],
            [
                "Open by default since 2025: 87 % of catalogue entries are open; 23 apps and 5 research papers reuse our data (reuse register attached).",
                "An open data hackathon in 2024 produced 4 apps still in use; API calls from external users reached 650,000 in the year.",
            ],
        ],
    ),
    // D3 security
    (
        "security.governance",
        [
            [
                "No one is responsible for data security; no policy exists and no system has been filed for graded protection.",
                "Security appears in no job description; after the 2023 virus incident no follow-up owner was named.",
            ],
            [
                "Security is handled by two IT staff in the information centre on top of other duties; no written policy or leadership oversight.",
                "IT staff keep antivirus and firewalls running; security is not discussed at leadership meetings and no officer is named.",
            ],
            [
                "Deputy director named responsible leader and a security officer appointed (Doc. No. 2024-04); 9 security policies issued.",
                "Graded-protection (MLPS) level 3 filings completed for 4 core systems in 2024; filing certificates and policy set attached.",
            ],
            [
                "Data security included in division heads' annual appraisal since 2024; the October internal audit found 7 issues, all closed.",
                "Yearly audit by the municipal cyberspace office plus internal audits twice a year; findings tracked in a remediation log.",
            ],
            [
                "Risk register with 34 scored risks reviewed quarterly; security metrics (patch time, incidents, audit findings) reported to the party group.",
                "Quarterly security scorecard to leadership: mean patch time 6 days, no high-risk finding open longer than 30 days in Q1 2025.",
            ],
        ],
    ),
    (
        "security.classification",
        [
            [
                "Data is not classified; personal records and public notices are stored and handled in the same way.",
                "No classification or personal-data rules exist; staff export citizen ID lists to spreadsheets without restriction.",
            ],
            [
                "Staff informally treat ID numbers as sensitive, but there is no classification list and no written personal-data rule.",
                "Some divisions mark sensitive files as internal by habit; there is no grading scheme and no inventory of personal data.",
            ],
            [
                "Classification and grading catalogue (Doc. No. 2024-15) covers 214 datasets in 4 grades; personal-data handling rules issued.",
                "Personal information protection rules adopted in May 2024; 39 datasets containing personal data identified and graded.",
            ],
            [
                "Controls mapped to each grade; 12 personal-data impact assessments done in 2024; ID and phone fields masked in all shared interfaces.",
                "The sharing platform masks grade-3 fields automatically; impact assessment reports for 8 new uses are attached.",
            ],
            [
                "Automated discovery scans databases weekly for personal data; 3 unregistered data stores were found and remediated in 2025.",
                "Privacy-by-design checklist mandatory at design review since 2024; all 10 new systems collect only the minimum fields.",
            ],
        ],
    ),
    (
        "security.controls",
        [
            [
                "Only a perimeter firewall protects our systems; admin passwords are shared, nothing is encrypted and core databases keep no logs.",
                "Security rests on the network firewall; the 2024 network review showed internal users can reach every database.",
            ],
            [
                "Basic controls in place: antivirus, password rules and nightly backups; no access logging and no encryption of stored data.",
                "Each system has accounts and passwords, but leavers' accounts stayed active in 2024 and backups were never test-restored.",
            ],
            [
                "Role-based access, database encryption and audit logs enabled on the 4 key systems (configuration report, June 2024).",
                "Key systems use two-factor admin login and encrypted storage; audit logs are kept for 6 months as the policy requires.",
            ],
            [
                "Controls cover collection to destruction (lifecycle control matrix); the Q4 2024 restore test succeeded within 4 hours.",
                "Audit logs reviewed weekly by the security officer (3 anomalies investigated in 2024); data destruction is logged.",
            ],
            [
                "24/7 monitoring by the municipal security operations centre; the 2024 red-team exercise found 2 attack paths, closed within 10 days.",
                "Continuous vulnerability scanning and a 2025 adversarial test of the sharing platform; test report and fix tickets attached.",
            ],
        ],
    ),
    (
        "security.incident",
        [
            [
                "No incident response plan; during the 2023 ransomware scare staff did not know whom to call or which systems to isolate.",
                "No plan or contact list for security incidents exists, and incidents are not recorded anywhere.",
            ],
            [
                "Incident response plan written in 2022 (Doc. No. 2022-30) but never tested; its contact list is out of date.",
                "A paper plan is kept in the information centre; no drill has ever been held and no incident register is kept.",
            ],
            [
                "Plan tested in a tabletop exercise on 14 November 2024; the incident register lists 6 incidents in 2024 with actions taken.",
                "Annual drill held since 2023 (drill reports attached); every incident logged with time detected, impact and fix.",
            ],
            [
                "Joint drill with the big data bureau in 2024 restored the licence system in 3.5 h (target 4 h) with 10 min data loss (target 15).",
                "Recovery-time and data-loss targets set for 12 systems; the 2024 drills and one real outage met all of them (drill report).",
            ],
            [
                "Post-incident reviews held for every 2024 incident; 11 lessons tracked to closure and fed into the revised 2025 plan.",
                "Lessons-learned register links each incident to changed procedures; the click rate in phishing tests fell from 14 % to 3 %.",
            ],
        ],
    ),
    (
        "security.vendor",
        [
            [
                "Vendors hold admin passwords and full copies of our databases; no one checks what they access or keep.",
                "Vendor engineers connect remotely with shared accounts; no agreement covers our data and no access record exists.",
            ],
            [
                "Confidentiality agreements signed with all 7 IT vendors in 2023; contracts have no security terms and access is not controlled.",
                "NDAs on file for current vendors, but vendor staff still use permanent accounts with full rights on production systems.",
            ],
            [
                "Contract template (Doc. No. 2024-26) includes security clauses; vendors reach systems only through a bastion host with named accounts.",
                "Vendor access is now requested per task and recorded on the bastion host; the 2024 log shows 312 approved sessions.",
            ],
            [
                "Security audits of the 3 main vendors carried out in 2024; contracts include exit, data-return and deletion-certificate clauses.",
                "Vendor audit reports attached; one vendor returned and deleted our data under the exit clause in 2025 (deletion certificate).",
            ],
            [
                "Vendor risk ratings updated continuously from access logs, audit results and incident history, and reviewed monthly.",
                "Vendor risk dashboard flags unusual sessions in real time; 2 alerts in 2025 led to access being suspended within 1 hour.",
            ],
        ],
    ),
    // D4 talent
    (
        "talent.leadership",
        [
            [
                "Leaders regard digital work as the information centre's job; no leadership training on data has ever been held.",
                "No digital topic reached the party group agenda in 2023–2024; IT proposals are left to the information centre.",
            ],
            [
                "One briefing on digital government for leaders, given by the big data bureau in 2024; no follow-up or further training.",
                "Leaders attended an external lecture on the digital economy in 2023 (attendance list attached); nothing further is planned.",
            ],
            [
                "All 7 members of the leadership completed a 16-hour data literacy course in 2024; deputy director named chief data officer.",
                "Chief data officer role created in 2024 with written duties (Doc. No. 2024-02); leaders hold a data governance study session twice a year.",
            ],
            [
                "Leadership meetings review the management dashboard monthly; 2024 minutes record 9 decisions based on its data.",
                "The director's office meeting uses the service dashboard to reassign staff at peak times; Q1 2025 decision records attached.",
            ],
            [
                "The director leads the department's data-driven reform task force and presented its results at the 2024 municipal conference.",
                "Leaders sponsor 5 data reform projects in 2025 and report progress publicly; the chief data officer briefs other bureaus.",
            ],
        ],
    ),
    (
        "talent.skills",
        [
            [
                "No digital skills training is offered to staff; new recruits learn the systems from colleagues.",
                "Training records for 2023–2024 show no course on digital or data skills for any civil servant.",
            ],
            [
                "Occasional office-software training only; 2024 records show 38 of 210 staff (18 %) attended any digital course.",
                "Only ad hoc vendor demos of new systems; no curriculum, and most field-division staff have never been trained.",
            ],
            [
                "Yearly digital skills curriculum (12 modules) since 2024; 132 of 210 staff (63 %) completed it, per the e-learning platform.",
                "2024 training plan (Doc. No. 2024-07) covers data handling and online services; 58 % of staff finished the core course.",
            ],
            [
                "Role-based skills assessment in 2024: 176 of 210 staff (84 %) reached the level required for their post.",
                "Skills framework with 5 role profiles; assessment results per division attached, with an 81 % pass rate in the 2025 round.",
            ],
            [
                "Continuous learning points tracked per staff member; skills-gap data used in the 2025 recruitment and posting plan.",
                "Workforce plan 2025–2027 built from skills assessment data; monthly micro-courses average 92 % participation.",
            ],
        ],
    ),
    (
        "talent.specialists",
        [
            [
                "No IT or data specialists on staff; all technical work, including fixing faults, is done by vendors.",
                "The establishment plan has no technical posts; a general office clerk deals with computer problems part-time.",
            ],
            [
                "Three IT generalists in the information centre handle network, PCs and vendor liaison; no data or security skills in-house.",
                "Two staff with an IT background cover all systems; no one can write a database query or review a vendor's design.",
            ],
            [
                "2024 establishment plan creates 6 dedicated posts: 2 data analysts, 2 system administrators, 1 security and 1 data governance.",
                "Data unit staffed with 5 specialists recruited in 2023–2024; post descriptions and qualifications attached.",
            ],
            [
                "In-house team of 14 covers architecture, analytics and security; it designed the 2024 data platform and reviews all vendor designs.",
                "Architecture review board staffed internally since 2024; in-house analysts produced 22 policy analyses last year.",
            ],
            [
                "Internship and joint training agreement with two local universities; 8 graduates hired through this pipeline since 2023.",
                "Talent pipeline with universities and an industry association: 12 interns a year, 3 secondments, rotation plan attached.",
            ],
        ],
    ),
    (
        "talent.incentives",
        [
            [
                "No recognition or career benefit for digital skills; staff who build data tools receive no credit in appraisal.",
                "Digital work is not mentioned in any job description or in the appraisal form used in 2024.",
            ],
            [
                "Digital contributions are praised informally at year-end meetings, with no link to appraisal, pay or promotion.",
                "The director thanked the online permit team in a 2024 notice; no formal reward scheme exists.",
            ],
            [
                "Job descriptions for 42 posts now list required digital skills; the 2024 appraisal form includes a digital competence item.",
                "Since 2024 the annual appraisal scores digital skills for all staff (appraisal template, Doc. No. 2024-18).",
            ],
            [
                "Technical career track with 4 grades approved in 2024; 5 staff promoted on it, and an annual digital innovation award set up.",
                "Digital innovation awards given to 6 teams in 2024, with bonus points in appraisal; career track rules attached.",
            ],
            [
                "Retention of digital specialists measured: 94 % stayed over 2023–2025; applicants per specialist post rose from 3 to 17.",
                "Retention rate and exit interviews reported yearly; the 2025 city graduate survey ranked the department first among employers.",
            ],
        ],
    ),
    // D5 organisation
    (
        "organisation.agency",
        [
            [
                "No unit is responsible for data management; each division manages its own datasets without coordination.",
                "No data function in the organisation chart; data questions from other bureaus are passed between divisions unanswered.",
            ],
            [
                "IT tasks sit with a two-person section of the general office, which has no mandate over other divisions' data or projects.",
                "The information centre is a sub-unit of the general office and looks after equipment; data management is not in its remit.",
            ],
            [
                "Data management division established in 2024 (Doc. No. 2024-03) with 6 staff and a written mandate for data governance.",
                "Designated data unit with a mandate covering catalogue, quality and sharing; mandate document and staff list attached.",
            ],
            [
                "The data unit approves catalogue changes, issues internal standards and reviews every IT project; its 2024 log lists 19 reviews.",
                "Data division sign-off has been mandatory for project approval since 2024; it rejected 2 non-compliant proposals last year.",
            ],
            [
                "Our data division chairs the municipal working group on licence data governance, covering 11 departments since 2025.",
                "The department leads the cross-government data governance pilot; joint rules adopted by 9 bureaus in 2025 (minutes attached).",
            ],
        ],
    ),
    (
        "organisation.coordination",
        [
            [
                "No mechanism for joint work with other departments; cross-cutting issues are handled by phone as they arise.",
                "The meeting register shows no joint meeting with other bureaus on digital matters in 2023 or 2024.",
            ],
            [
                "Meetings with other bureaus are called when a problem arises; 5 in 2024, with no standing minutes or follow-up.",
                "Coordination with the tax bureau on shared data is ad hoc; agreements are verbal and not recorded.",
            ],
            [
                "Digital government leading group has met quarterly since 2023; minutes and action lists of all 8 meetings attached.",
                "Municipal leading group chaired by an executive deputy mayor includes our bureau; it meets quarterly and keeps a task list.",
            ],
            [
                "Joint 2025 plan with 4 departments shares 6 KPIs; the escalation route to the municipal leading group was used twice in 2024.",
                "Shared KPIs for the enterprise start-up service agreed with 5 bureaus; escalation procedure (Doc. No. 2024-28) attached.",
            ],
            [
                "7 standing cross-department service teams run life-event services; team charters and 2024 performance reports attached.",
                "Cross-department teams are the default: all 6 services launched in 2025 were staffed by 3 or more bureaus.",
            ],
        ],
    ),
    (
        "organisation.process",
        [
            [
                "Approvals still travel on paper through up to 7 layers; a business licence change took 22 working days in 2024.",
                "A routine permit needs 9 signatures on paper forms; no process map or processing-time record exists.",
            ],
            [
                "Approvals digitised in the OA system since 2022, but the same 7 steps and layers remain; average time unchanged at 18 days.",
                "Electronic workflow replaced paper forms in 2023; process maps drawn before and after show identical steps.",
            ],
            [
                "Re-engineering of 12 priority services in 2024 cut steps from 8 to 4 and layers from 5 to 3 (before/after process maps).",
                "Simplified approval rules (Doc. No. 2024-25) for 15 high-volume services; average processing time fell from 15 to 6 days.",
            ],
            [
                "One-thing-done-once packages for 9 life events: applicants submit once, with 63 % fewer documents; layers per service measured.",
                "Layers and handling time measured for all 86 services each quarter; one-thing-done-once covers 14 scenarios in 2025.",
            ],
            [
                "Process mining on workflow logs reviewed monthly; 23 further bottlenecks removed in 2024, median processing time now 2 days.",
                "Continuous improvement board meets monthly with process data; each 2025 change is logged with measured before/after times.",
            ],
        ],
    ),
    (
        "organisation.independence",
        [
            [
                "Only the vendor holds source code, admin rights and know-how for the licensing system; no documentation was delivered.",
                "Only the original vendor can change our core systems; in 2024 it quoted RMB 180,000 to export our own data.",
            ],
            [
                "Contracts for 6 systems cover delivery and maintenance but say nothing on data ownership, source code or IP.",
                "Review of 2022 contracts: none grants the department the source code or rights to its own data formats.",
            ],
            [
                "Since 2024 contracts state the department owns data and custom code; code escrow in place; a staff member is product owner.",
                "In-house product owners named for 4 core systems (Doc. No. 2024-13); source code delivered to the department's repository.",
            ],
            [
                "Core systems maintained by 3 vendors against documented architecture; the exit plan for the permit system was tested in 2024.",
                "Documentation complete for all 12 core systems; each contract has an exit plan and a 6-month transition period.",
            ],
            [
                "New systems built on open standards; 7 reusable components shared in the municipal component library, used by 9 bureaus.",
                "Open interfaces and open-source components are mandatory; our form engine is reused by 4 other departments (reuse log attached).",
            ],
        ],
    ),
    // D6 service
    (
        "service.online",
        [
            [
                "The website gives service guides and office addresses only; every application requires a visit in person.",
                "No transactional online services; 2024 website statistics show only information pages and notices.",
            ],
            [
                "Application forms for 48 services can be downloaded from the website, but completed forms must be handed in at the counter.",
                "Downloadable forms exist for most services; there is no online submission, payment or status tracking.",
            ],
            [
                "23 key services fully online end to end, including payment and e-licence; 41 % of 2024 applications were submitted online.",
                "The 10 highest-volume services can be completed online from application to result (service list and 2024 usage report).",
            ],
            [
                "86 % of services offered through the city's one-stop portal and mobile app; 12 services can be handled across the region.",
                "One-portal access for 74 of 86 services; mobile share reached 58 % in 2024; 9 services processed across provinces.",
            ],
            [
                "5 benefits paid proactively from shared data, with no application needed; 14,300 households received them in 2024.",
                "Citizens are notified automatically when eligible; no-application grants reached 31 % of all subsidy cases in 2025.",
            ],
        ],
    ),
    (
        "service.capacity",
        [
            [
                "Online services were down for 2 days during the 2024 enrolment period; with no monitoring, citizens reported the outage.",
                "Frequent outages in peak weeks; no monitoring tools, uptime figures or capacity records are kept.",
            ],
            [
                "Monitoring installed after the 2023 crash; alerts go to one engineer, but no capacity plan or load testing exists.",
                "Server monitoring started in 2024 after incidents; peak-period problems are still handled as they happen.",
            ],
            [
                "Capacity plan updated before each peak season; an August 2024 load test simulated 5,000 concurrent users (test report).",
                "Load tests run before the 3 annual peak periods since 2024; capacity was raised twice based on the results.",
            ],
            [
                "Services run on the elastic government cloud; the 99.9 % availability target was met in 2024; 3 post-mortems filed.",
                "2024 service-level report: 99.95 % uptime for the licence portal; every outage followed by a written post-mortem.",
            ],
            [
                "Auto-scaling absorbed a 9-fold traffic peak in January 2025 without degradation; quarterly chaos tests (reports attached).",
                "Resilience tests switch traffic between two cloud zones every quarter; failover completed in 4 minutes in Q1 2025.",
            ],
        ],
    ),
    (
        "service.infrastructure",
        [
            [
                "All 23 systems run on our own servers in the basement machine room, each with its own login; no shared services used.",
                "Staff juggle 11 different usernames and passwords for department systems; each system has its own servers.",
            ],
            [
                "6 of 23 systems moved to the government cloud in 2023; the rest run on our own servers with separate logins.",
                "Some systems on the city e-government cloud since 2022; identity, payment and e-certificates still separate per system.",
            ],
            [
                "Since 2024 all new systems must use the shared cloud, unified identity, payment and e-certificate services (Doc. No. 2024-10).",
                "The 3 new systems launched in 2024 all use the municipal identity and e-licence services; none built its own.",
            ],
            [
                "19 of 23 systems migrated to the government cloud and shared identity is mandatory (2024 migration report attached).",
                "83 % of systems on shared infrastructure; single sign-on covers all staff systems; the remaining 4 are scheduled for 2025.",
            ],
            [
                "Our e-certificate service is reused by provincial and district systems, with 2.1 million verifications in 2024.",
                "Shared components serve city, district and township levels; usage statistics show 47 consuming systems in 2025.",
            ],
        ],
    ),
    (
        "service.feedback",
        [
            [
                "No channel for users to rate services or complain online; feedback that arrives is not recorded.",
                "Users have no way to evaluate services, and the department neither collects nor analyses complaints.",
            ],
            [
                "Feedback only through the 12345 city hotline; 412 calls about our services in 2024, not analysed by service.",
                "A hotline number is published; complaints are answered one by one, but no ratings or trends are kept.",
            ],
            [
                "Good/bad rating enabled for all 86 services; 98 % of 1,130 negative ratings in 2024 closed out within 5 working days.",
                "Per-service rating since 2023; the complaint close-out register shows owner, reply and date for each case.",
            ],
            [
                "Satisfaction scores per service published quarterly on the website; 7 services redesigned in 2024 because of low scores.",
                "2024 satisfaction report published (94.1 % overall); the 3 lowest-rated services were redesigned in 2025.",
            ],
            [
                "User panels co-designed the new business registration flow in 2025; 24 users tested prototypes over 3 rounds.",
                "Co-design workshops with citizens and firms for every new service since 2024; workshop reports and resulting changes logged.",
            ],
        ],
    ),
    (
        "service.decisions",
        [
            [
                "Decisions are made without data; no management reports are produced from department systems.",
                "No data analysis supports management or policy; figures are gathered by phone from divisions when leaders ask.",
            ],
            [
                "Monthly static Excel reports give application counts per service; they arrive 3 weeks after month end.",
                "An annual statistics report is compiled by hand from division returns; no analysis beyond totals.",
            ],
            [
                "Management dashboard since 2024 shows daily volumes, processing times and backlogs for all services.",
                "Leadership dashboards updated daily from the data platform, with 14 indicators on services and inspections.",
            ],
            [
                "2025 inspection plan and budget based on risk analytics over 3 years of data; the plan cites the analysis report.",
                "Analytics on subsidy data informed the 2024 policy revision; the policy explanation cites the analysis (report attached).",
            ],
            [
                "Predictive model forecasts application peaks 4 weeks ahead; review by the data ethics panel completed in 2025.",
                "Inspection risk-prediction model reviewed for fairness and bias before use; accuracy figures and review minutes attached.",
            ],
        ],
    ),
];

/// Document links per dimension id.
static LINKS: [(&str, [&str; 3]); 6] = [
    (
        "design",
        [
            "docs/2024/digital-government-strategy-2024-2026.pdf",
            "docs/2024/standards-catalogue-v1.xlsx",
            "https://intranet.example.gov/policy/2024-17-data-sharing-rules.pdf",
        ],
    ),
    (
        "sharing",
        [
            "docs/2024/data-resource-catalogue-v2.xlsx",
            "https://intranet.example.gov/sharing/request-register-2024.xlsx",
            "https://opendata.example.gov/datasets?publisher=bureau",
        ],
    ),
    (
        "security",
        [
            "docs/2024/classification-grading-catalogue.pdf",
            "https://intranet.example.gov/security/incident-drill-report-2024.pdf",
            "docs/2025/vendor-audit-summary.pdf",
        ],
    ),
    (
        "talent",
        [
            "docs/2024/training-plan-2024-07.pdf",
            "https://intranet.example.gov/hr/skills-assessment-2024.xlsx",
            "https://elearning.example.org/courses/data-literacy",
        ],
    ),
    (
        "organisation",
        [
            "docs/2024/data-division-mandate-2024-03.pdf",
            "https://intranet.example.gov/leading-group/minutes-2024-q4.pdf",
            "docs/2025/process-maps-priority-services.pdf",
        ],
    ),
    (
        "service",
        [
            "https://services.example.gov/portal/statistics/2024",
            "docs/2024/load-test-report-august.pdf",
            "https://intranet.example.gov/feedback/satisfaction-report-2024.pdf",
        ],
    ),
];

/// Two alternative evidence sentences for `indicator` at `level` (1–5);
/// empty for an unknown indicator or level.
pub fn sentences(indicator: &str, level: u8) -> &'static [&'static str] {
    let Some(index) = usize::from(level).checked_sub(1) else {
        return &[];
    };
    EVIDENCE
        .iter()
        .find(|(id, _)| *id == indicator)
        .and_then(|(_, levels)| levels.get(index))
        .map_or(&[], |pair| pair.as_slice())
}

/// Plausible document links for a dimension id; empty for an unknown one.
pub fn links(dimension: &str) -> &'static [&'static str] {
    LINKS
        .iter()
        .find(|(id, _)| *id == dimension)
        .map_or(&[], |(_, refs)| refs.as_slice())
}

#[cfg(test)]
mod tests {
    use super::*;

    const INDICATORS: [&str; 28] = [
        "design.strategy",
        "design.standards",
        "design.investment",
        "design.legal",
        "design.evaluation",
        "sharing.catalogue",
        "sharing.exchange",
        "sharing.requests",
        "sharing.quality",
        "sharing.open",
        "security.governance",
        "security.classification",
        "security.controls",
        "security.incident",
        "security.vendor",
        "talent.leadership",
        "talent.skills",
        "talent.specialists",
        "talent.incentives",
        "organisation.agency",
        "organisation.coordination",
        "organisation.process",
        "organisation.independence",
        "service.online",
        "service.capacity",
        "service.infrastructure",
        "service.feedback",
        "service.decisions",
    ];

    const DIMENSIONS: [&str; 6] = [
        "design",
        "sharing",
        "security",
        "talent",
        "organisation",
        "service",
    ];

    #[test]
    fn every_indicator_and_level_has_two_sentences() {
        for id in INDICATORS {
            for level in 1..=5u8 {
                let s = sentences(id, level);
                assert_eq!(s.len(), 2, "{id} level {level}");
                for sentence in s {
                    let n = sentence.chars().count();
                    assert!(
                        (40..=220).contains(&n),
                        "{id} level {level}: {n} chars: {sentence}"
                    );
                    assert_eq!(sentence.trim(), *sentence, "{id} level {level}: stray whitespace");
                    assert!(!sentence.contains('"'), "{id} level {level}: double quote");
                }
                assert_ne!(s[0], s[1], "{id} level {level}: alternatives identical");
            }
        }
    }

    #[test]
    fn table_matches_the_framework_ids() {
        assert_eq!(EVIDENCE.len(), INDICATORS.len());
        for (i, (id, _)) in EVIDENCE.iter().enumerate() {
            assert_eq!(*id, INDICATORS[i], "table order or id mismatch");
        }
    }

    #[test]
    fn sentences_are_not_reused() {
        let mut all: Vec<&str> = EVIDENCE
            .iter()
            .flat_map(|(_, l)| l.iter().flatten().copied())
            .collect();
        let total = all.len();
        all.sort_unstable();
        all.dedup();
        assert_eq!(all.len(), total);
    }

    #[test]
    fn unknown_indicator_or_level_is_empty() {
        assert!(sentences("design.unknown", 3).is_empty());
        assert!(sentences("", 1).is_empty());
        assert!(sentences("design", 1).is_empty());
        assert!(sentences("design.strategy", 0).is_empty());
        assert!(sentences("design.strategy", 6).is_empty());
        assert!(sentences("design.strategy", u8::MAX).is_empty());
    }

    #[test]
    fn every_dimension_has_three_links() {
        for dim in DIMENSIONS {
            let l = links(dim);
            assert_eq!(l.len(), 3, "{dim}");
            for link in l {
                assert!(!link.is_empty() && !link.contains(' '), "{dim}: {link}");
                if let Some(rest) = link.strip_prefix("https://") {
                    let host = rest.split('/').next().unwrap_or_default();
                    assert!(
                        host.ends_with(".example.gov") || host.ends_with(".example.org"),
                        "{dim}: {link}"
                    );
                } else {
                    assert!(link.starts_with("docs/"), "{dim}: {link}");
                }
            }
        }
        assert!(links("unknown").is_empty());
        assert!(links("design.strategy").is_empty());
    }
}
