/**
 * Issue 11's measure: real pasted errors gathered apart from the corpus, each labelled from its text alone
 * before the reader ran on it, with the seven fields a careful reader takes from it. Four rounds, each from
 * sources none of the corpus (nor a round before) used, each measured fresh, then its misses fixed:
 * `test/corpus/heldout.jsonl` (111 errors, 111 sources: 97.2% of fields right when gathered),
 * `heldout2.jsonl` (102 errors, 100 sources, after round one's fixes: 93.6%; one label corrected),
 * `heldout3.jsonl` (121 errors, 115 sources, after round two's: 92.4%; 5 texts that hold no AWS error are
 * marked `holdsAwsError: false` and not scored) and `heldout4.jsonl` (113 errors, 113 sources, after round
 * three's: 87.6%, ten read as holding no AWS error; three labels corrected) and `heldout5.jsonl` (116 errors,
 * 115 sources, six holding no AWS error; after round four's: 93.5%, three read as holding none; four labels
 * corrected: two by its labeller, an S3 operation's action and a code the contract reads from EC2's sentence).
 * `heldout6.jsonl` (102 errors, 99 sources, three holding no AWS error; after round five's: 92.2%, five read as
 * holding none, which are now found). Round four's two texts with EC2's `Request limit exceeded.` and no code
 * written were labelled without a code; the contract reads the sentence's code (`RequestLimitExceeded`), and so
 * do their labels now; round six's secret name in the resource slot (`on resource: db-connection`) was labelled
 * `null`, and is the name as written now, as the contract reads it and rounds three and five labelled it. Nine
 * texts of rounds one to six whose code is written nowhere but whose sentence belongs to one code (STS's `Not
 * authorized to perform sts:AssumeRoleWithWebIdentity`: AccessDenied, seven; EC2's `Not authorized for images`:
 * AuthFailure; KMS's ciphertext sentence: AccessDeniedException) were labelled without a code, and carry that code
 * now, as the contract reads it. `heldout7.jsonl` (111 errors, 111 sources, one holding no AWS error; after round
 * six's fixes and two practice rounds': 91.4%, five read as holding none; one label corrected by its labeller, EC2's
 * `Not authorized for images` as AuthFailure): its misses fixed but for the ambiguous and a few shapes (a sentence
 * without `to`, a principal without `User:`, a CloudFormation handler's codeless `Invalid request provided:`), so its
 * floor stands below the others. `heldout8.jsonl` (121 labelled, 112 scored from 110 sources after nine whose threads
 * practice rounds nine and ten had also taken were dropped; one holding no AWS error; after round seven's fixes and
 * four more practice rounds': 95.5%, one read as holding none; four labels corrected by its labeller, codes of S3's and
 * Athena's sentences). Six texts of rounds one, four and five whose only code is S3's sentence `Access
 * Denied` (Java v2's `S3Exception: Access Denied (Service: S3, …)`, a stack event's `API: s3:PutBucketPolicy Access
 * Denied`, Ruby v1's) were labelled without a code, and carry `AccessDenied` now, as the contract reads it; so do
 * round five's SQS `Access to the resource https://sqs.… is denied.` (AccessDenied) and round two's IAM `Cannot
 * exceed quota for PoliciesPerRole: 20` (LimitExceeded), as round eight's labeller read the same sentences.
 * `heldout9.jsonl` (114 labelled, 102 scored from 102 sources after eleven shared with earlier sets and one near-copy of
 * a corpus text were dropped; two holding no AWS error; after round eight's fixes and eleven practice rounds': 92.4%,
 * four read as holding none; two labels corrected by its labeller, an EMR VALIDATION_ERROR's code and a Copilot
 * sentence's action, as round seven labelled the same shapes). Its Redash `Insufficient permissions to execute the
 * query.`, which names nothing of AWS and which its labeller counted ambiguous, is kept as holding no AWS error.
 * `heldout10.jsonl` (110 labelled from 110 sources, 103 kept after seven shared with the practice rounds gathered while it
 * was labelled were dropped; after round nine's fixes and twelve practice rounds' (eighteen to twenty-nine): 89.2% fresh
 * on those 103, 89.9% on all 110, seven read as holding none; three labels corrected by its labeller: a role
 * CloudFormation names, CodeDeploy's
 * `codedeploy-commands-secure` prefix, a CreateJob no service is named for). A MediaConvert job status an application
 * relayed (`'ErrorCode': 1432, … Invalid role provided`), which its labeller counted ambiguous, is kept as holding none.
 * `heldout11.jsonl` (91 from 90 sources, a third of them pastebins, gists, mailing lists and vendor pages, five holding
 * no AWS answer; after round ten's fixes and two practice rounds': 94.5% by its labeller's count, 94.7% on the 86 that
 * hold an AWS error, one read as holding none; one label corrected by its labeller, an action the issue's title named).
 * A Session Manager console message about a log group's encryption, which its labeller counted ambiguous, is kept as
 * holding none.
 * `heldout12.jsonl` (64 from 62 sources, half from product docs and READMEs, three holding no AWS answer; after round
 * eleven's fixes and the practice rounds thirty-four to forty-one gathered beside it: 96.7% fresh, one read as holding
 * none). Its `Error: You don't have permissions to access this resource.`, AWS Organizations' AccessDeniedException
 * message but also a sentence many web applications write, is kept as holding none.
 * `heldout13.jsonl` (85 from 83 sources, many of them repository notes that keep real pastes, three holding no AWS answer;
 * after round twelve's fixes and practice rounds forty-two to forty-five's: 98.5% fresh, none read as holding none).
 * `heldout14.jsonl` (81 from 81 sources in 51 repositories, most from commit messages and repository files read with git
 * alone, nearly half of them look-alikes; after round thirteen's fixes and a review's: 97.5% fresh, none read as holding
 * none; one label corrected by its labeller, rclone's unsigned-headers sentence as S3's AccessDenied).
 * `heldout15.jsonl` (52 from 52 sources, 40 of them commit messages of 28 repositories, a third look-alikes; after round
 * fourteen's fixes and practice rounds forty-nine to fifty-six's and fifty-eight's: 96.2% fresh, none read as holding
 * none, no label corrected).
 * `heldout16.jsonl` (56 from 55 sources, most of them commit messages, a third look-alikes; its labeller left out 21 texts
 * that repeated earlier rounds' pastes word for word; after round fifteen's fixes and practice round fifty-seven's: 96.7%
 * fresh, none read as holding none; one label corrected by its labeller, CloudWatch Logs' fixed sentence's
 * AccessDeniedException).
 * `heldout17.jsonl` (76 from 70 sources, 46 of them vendor guides' pastes in awsdocs repositories, 28% look-alikes; after
 * round sixteen's fixes and practice rounds sixty and sixty-one's: 96.4% fresh, one read as holding none, RDS's export
 * sentence as its guide writes it, placeholders and all; no label corrected).
 * `heldout18.jsonl` (82 from 82 sources, 32 commit messages, 22 repository notes and fixtures, 28 issue threads, 37%
 * look-alikes, four holding no AWS answer; after round seventeen's fixes and practice rounds fifty-nine and sixty-two's:
 * 96.3% fresh, none read as holding none; ten labels corrected by its labeller, codes it had filled in where the text
 * writes none, as earlier rounds label them: 98.1% with them).
 * `heldout19.jsonl` (80 from 80 sources: vendors' and blogs' pages, discussions, issue threads; three holding no AWS
 * answer; after round eighteen's fixes, a review's and practice round sixty-three's: 95.2% fresh, one
 * read as holding none, CloudWatch's alarm history of an SNS key it may not use; no label corrected).
 * `heldout20.jsonl` (82 from 82 sources: configuration-management and provisioning tools' issues, six holding no AWS
 * answer; frozen at bfce382, after practice rounds sixty-five to sixty-eight's fixes: 97.0% fresh, none read as holding
 * none that holds one; no label corrected).
 * `heldout21.jsonl` (82 from 82 sources: Kubernetes controllers' and observability tools' issues, 39% look-alikes; frozen
 * at bfce382: 92.2% fresh, four holding an AWS answer read as holding none; one label corrected by its labeller, API
 * Gateway's `Missing Authentication Token`, and fluxcd/source-controller#1772's bare `Request ARN is invalid`, which
 * its labeller judged either way, marked as holding none).
 * `heldout22.jsonl` (37 from 37 sources, issue threads mostly, 32% authorization denials, four holding no AWS answer;
 * frozen at 7b71ce7, after round twenty and twenty-one's fixes and practice rounds sixty-nine and seventy's: 95.8%
 * fresh; no label corrected by its labeller; Lake Formation's `requester is not authorized to access requested
 * permissions` given its code, AccessDeniedException, as the contract reads a fixed sentence).
 * `heldout23.jsonl` (63 from 63 sources, the SDKs' and AWS tools' own repositories, 48% look-alikes; frozen at 7b71ce7:
 * 97.3% fresh, none read as holding none; no label corrected).
 * `heldout24.jsonl` (49 from 46 sources: small repositories' issues, commit messages and files, a fifth of them one
 * course's lab submissions, 47% look-alikes, four holding no AWS answer; frozen at ff6d6bc, after rounds twenty-two and
 * twenty-three's fixes and practice rounds seventy-one and seventy-two's: 95.0% fresh; no label corrected;
 * confluentinc/mcp-confluent#150's bare 401 from CodeArtifact, which its labeller judged either way, marked as
 * holding none).
 * `heldout25.jsonl` (62 from 61 sources: Terraform module collections' and GitOps repositories' commits, issues and
 * guides, 24% look-alikes; frozen at 3b9999c, after round twenty-four's fixes: 97.5% fresh, none read as holding none;
 * no label corrected).
 * `heldout26.jsonl` (33 from 33 sources: repositories' documentation files and commit messages, the search's budget
 * spent; frozen at efd533b: 93.1% fresh, none read as holding none; no label corrected).
 * `heldout27.jsonl` (27 from 27 sources: commit messages and saved discussions of the older era; frozen at efd533b:
 * 96.8% fresh, none read as holding none; one text its labeller's script cut short left out, at its labeller's word).
 * `heldout28.jsonl` (47 from 47 sources: data-orchestration and analytics applications' issues, 26% look-alikes, three
 * holding no AWS answer; frozen at 578521f, after practice rounds seventy-three to seventy-eight's fixes: 95.4% fresh,
 * one holding an answer read as holding none; one label corrected by its labeller, DuckDB's bare `HTTP 403` that names
 * no AWS service, as holding none).
 * `heldout29.jsonl` (50 from 48 sources: CI/CD and developer platforms' issues, 22% look-alikes, two holding no AWS
 * answer; frozen at 578521f: 98.0% fresh, none read as holding none; no label corrected).
 * `heldout30.jsonl` (35 from 35 sources: networking, edge and messaging services' issues, the search spent part way, one
 * holding no AWS answer; frozen at 9135cc6, after rounds twenty-eight, twenty-nine and thirty-one's fixes: 95.5% fresh,
 * one read as holding none; no label corrected).
 * `heldout31.jsonl` (46 from 46 sources: AI/ML and analytics services' issues, 22% look-alikes, one holding no AWS
 * answer; frozen at 578521f: 82.9% fresh, seven read as holding none, three of them plainly AWS's; one label corrected by
 * its labeller, a CreateDataset several services have; two texts its labeller judged either way, a non-AWS client's 403
 * from an Elasticsearch domain and SageMaker Studio's console banner, marked as holding none).
 * `heldout32.jsonl` (22 from 20 sources: pages, then repository documents and notebooks once the search was spent, 55%
 * look-alikes, one holding no AWS answer; frozen at 2384990, after rounds thirty and thirty-three's fixes and a review's:
 * 93.5% fresh, one read as holding none, CloudFormation's resource limit as the Serverless Framework relays it; no
 * label corrected).
 * `heldout33.jsonl` (28 from 27 sources: self-hosted applications' issues, then commit messages and READMEs once the search
 * was spent, 46% look-alikes, two holding no AWS answer; frozen at 9135cc6: 96.4% fresh, one holding an answer read as
 * holding none; one label corrected by its labeller, Bedrock's Marketplace sentence's AccessDeniedException; an S3-like
 * store's `NotImplemented: Header 'x-amz-acl' … not implemented` and an SMTP server's `530 Must issue a STARTTLS command
 * first`, which name nothing of AWS, marked as holding none).
 * `heldout34.jsonl` (15 from 15 sources: commit messages of about 150 repositories fetched fresh, the search spent, 60%
 * look-alikes; frozen at e9f6a29, after round thirty-two's fixes and a review's: 95.2%
 * fresh, none read as holding none; no label corrected).
 * `heldout35.jsonl` (24 from 22 sources: repositories' documentation files, the search spent, half look-alikes, four of
 * LocalStack's documentation, one an S3-like store's answer holding no AWS one; frozen at e9f6a29: 94.6% fresh, one
 * read as holding none, a record its labeller's script saved without its text, now left out; one label corrected by its
 * labeller, an action a CloudFormation event does not name).
 * Four rounds frozen together at 5dffc6c, after practice round eighty-two's fixes, each labelled before the copy:
 * `heldout36.jsonl` (45 from 44 sources: compute and container services' issues, a fifth look-alikes: 89.5% fresh, four
 * read as holding none; two labels corrected by its labeller, a launch template named outside a resource slot; a convox
 * relay of a CloudFormation status, Auto Scaling plans' `User is missing the following permissions: […]` and
 * ParallelCluster's own `action ec2:DescribeVolumes is explicitDeny`, which its labeller counted ambiguous, kept as
 * none); `heldout37.jsonl` (45 from 45 sources: identity, secrets and governance services' issues: 93.7% fresh, one
 * read as holding none, Identity Center's provisioning `FailureReason` relayed by an application, which its labeller
 * counted ambiguous, kept as none); `heldout38.jsonl` (45 from 45 sources: database and storage services, 93.3% fresh,
 * one read as holding none; three labels corrected by its labeller: an IAM `role NAME` rebuilt as the contract reads
 * it, a principal and a resource that were placeholders whole); `heldout39.jsonl` (43 from 41 sources: application
 * frameworks and language libraries, 96.0% fresh, one read as holding none).
 * Four more frozen at 2da0c51, after practice rounds eighty-one and eighty-three to eighty-eight, the search spent
 * early for each (most from repository files and commit messages fetched fresh, many look-alikes): `heldout40.jsonl` (27
 * from 25 sources, tutorials' and write-ups' pastes: 93.7% fresh, none read as holding none), `heldout41.jsonl` (33 from
 * 32 sources, AWS's own samples: 95.7% fresh, one holding no AWS answer), `heldout42.jsonl` (26 from 24 sources, recent
 * ones: 97.8% fresh, three holding none; three rows left out, of two sources another round also took) and
 * `heldout43.jsonl` (20 from 20 sources: 93.6% fresh, one read as holding none).
 * Two frozen at 82fff0e, from repositories fetched fresh once the search was spent: `heldout44.jsonl` (12 from 12
 * commit messages, nine look-alikes, two holding no AWS answer, botocore's own NoCredentialsError and npm's registry
 * refusal: 95.2% fresh) and `heldout45.jsonl` (23 from 23 repository files and commits, three holding no AWS answer,
 * kubectl's own refusals and a credential process's failure: 96.3% fresh); none read as holding none.
 * Four frozen together at c8ec4f6 (labels final 09:53–10:07, copied 10:12), after rounds 44 and 45's and practice rounds
 * 89 and 90's fixes: `heldout46.jsonl` (45 labelled from 45 sources, 27 kept: 18 whose source its labeller could give
 * only as a search tool's file id, no address, left out; issues and pages: 95.6% fresh on all 45), `heldout47.jsonl`
 * (45 from 45 sources, Kubernetes controllers and operators: 95.9% fresh), `heldout48.jsonl` (45 from 45 sources, CI/CD
 * and infrastructure as code: 95.6% fresh) and `heldout49.jsonl` (35 from 35 sources, data, analytics and ML services:
 * 96.3% fresh); and `heldout50.jsonl` (40 from 40 sources, the less common SDKs and languages), frozen at c6927d1 after
 * those four's fixes: 96.8% fresh. One or two rows of each hold no AWS answer (a client's own failure, a tool's), read as none.
 * Two frozen at a34f2be, after round 50's and practice rounds 91 and 92's fixes, gathered from the repositories already
 * mirrored here once the search was spent: `heldout51.jsonl` (16 from 15 sources, commit messages, half of them
 * look-alikes: 96.4% fresh) and `heldout52.jsonl` (31 from 30 sources, repository files: 97.2% fresh; its row of a notebook round 35 had
 * taken, under the address written without its spaces encoded, left out); none holding an AWS answer read as none.
 * Rounds fifty-three to fifty-nine, gathered and labelled in parallel and frozen together at a0ea2b0: `heldout53.jsonl`
 * (41 from 41 sources, serverless frameworks: 98.3% fresh), `heldout54.jsonl` (36, question-and-answer pages and blogs:
 * 94.9%), `heldout55.jsonl` (40, security, audit and inventory tools: 97.0%), `heldout56.jsonl` (41, storage and sync
 * tools: 95.2%), `heldout57.jsonl` (35, the SDKs' and the CLI's trackers: 97.5%), `heldout58.jsonl` (40, newer services
 * and AI tooling on Bedrock: 91.6%) and `heldout59.jsonl` (40, databases, migration and backup: 91.7%): 95.2% fresh over
 * all seven (1,479/1,554 fields). Nine rows read as holding none that their labellers judged either way are marked as
 * holding no AWS answer: CloudFront's method refusal that never names CloudFront and the Terraform ElastiCache waiter's
 * `unexpected state 'create-failed'` with no AWS error (54); s3fs's 400 without a body, Mountpoint's 503s of its own log
 * and a hand-written client's `HTTP Error 503: Slow Down` with no host (56); Bedrock console banners without a code, an
 * AgentCore status reason and the IAM console's policy validator (58); Pacu's bare `InvalidParameterValue` line (59).
 * KMS.NotFoundException stays the key-state look-alike, as rounds eleven and twenty-five and practice fifty-four label
 * it (round fifty-eight's `other` is kept as labelled, a miss); Lambda's relayed S3 refusal (`permission to GetObject
 * for bucket/key`) names no resource, as most earlier labels have it (round fifty-three's bucket/key is kept, a miss).
 * Rounds sixty to sixty-six, gathered and labelled in parallel after those fixes, each frozen once its labels were final
 * (sixty-one at e45b128; sixty, sixty-two, sixty-four to sixty-six at 255c7c3; sixty-three at 7045948): `heldout60.jsonl`
 * (36, CI/CD pipelines' logs: 94.9% fresh), `heldout61.jsonl` (40, infrastructure as code other than Terraform: 98.3%),
 * `heldout62.jsonl` (41, containers: 93.7%), `heldout63.jsonl` (34, messaging and streaming clients: 96.2%),
 * `heldout64.jsonl` (34, identity and credential tools: 92.9%), `heldout65.jsonl` (39, pages not in English: 94.0%) and
 * `heldout66.jsonl` (43, front ends: 95.9%): 95.1% fresh over all seven (1,452/1,526 fields), each with more look-alikes
 * than denials, most denial threads of these mixes being sources of earlier rounds. Marked as holding no AWS answer where
 * they read as holding none and their labellers judged them either way: CodePipeline's `RoleArn should not be empty`
 * (60); a bare `unauthorized: authentication required`, skopeo's `docker://ECR/repo` and buildx's `400 Bad Request`
 * that name no AWS host (62, two of them its labeller's own corrections); a Korean page's fully translated throttling
 * and a Japanese console's quota banner (65); AppSync's websocket `401` without a body (66). The EKS console's banner
 * for a principal without Kubernetes access stays the cluster-access look-alike (kind `other`), which round sixty-two
 * labelled a refusal, a miss.
 * Rounds sixty-seven to seventy, gathered once the search's budget was spent from repositories fetched here and read with
 * git (commit messages, docs, test fixtures): `heldout67.jsonl` (35, infrastructure-as-code modules
 * and tools: 96.8% fresh), `heldout68.jsonl` (35, Kubernetes on AWS: 95.1%), `heldout69.jsonl` (31, data and ML tools:
 * 97.5%) and `heldout70.jsonl` (35, the SDKs' and CLIs' own tests and commits: 92.0%, three labels its labeller judged
 * wrong, a service the text does not write) frozen at 0c7dcb8, and `heldout71.jsonl` (29, self-hosted applications' object
 * storage, frozen at 97a8da7: 95.7%): 95.2% fresh over the five (913/959 fields). OpenDAL's 404 without a body (69),
 * read as none, is marked as holding no AWS answer, as its labeller allowed.
 * Rounds seventy-two to seventy-eight, gathered and labelled in parallel and frozen together at 67456ed: `heldout72.jsonl`
 * (27 labelled, 9 scored, Windows and .NET: 90.5% fresh; most of its texts client-side failures holding no AWS answer),
 * `heldout73.jsonl` (34, JVM stack traces: 95.6%), `heldout74.jsonl` (35, observability and logging agents: 90.8%),
 * `heldout75.jsonl` (25, AWS's own pages: 96.0%), `heldout76.jsonl` (26, multi-account governance: 93.9%),
 * `heldout77.jsonl` (31, the Python data stack: 92.9%) and `heldout78.jsonl` (38, workflow, events and messaging
 * services: 88.8%): 92.7% fresh over the seven (1,090/1,176 fields). Four actions their labellers judged wrong by the
 * rules are corrected (a CloudFormation event's `AWS::EC2::Instance` row is RunInstances; a framework's constant, a
 * lower-case step two services have and an operation whose service the text does not write name none), and round
 * seventy-eight's row whose text its labeller took from the prose above the paste is marked as holding no AWS answer.
 * Rounds seventy-nine to eighty-five, gathered and labelled in parallel and frozen together at ef49818 (after seventy-two
 * to seventy-eight's fixes): `heldout79.jsonl` (38, Go programs and their logs: 95.2% fresh), `heldout80.jsonl` (34, Ruby
 * and PHP applications: 97.3%), `heldout81.jsonl` (35, mobile, desktop and game clients: 95.4%), `heldout82.jsonl` (39,
 * networking and edge: 93.3%), `heldout83.jsonl` (40, database clients and IAM database authentication: 95.4%),
 * `heldout84.jsonl` (37, the Terraform provider's newest issues: 95.9%) and `heldout85.jsonl` (38, AI agents and assistants
 * on AWS: 93.5%): 95.1% fresh over the seven (1,424/1,498 fields). Seven labels their labellers judged wrong by the rules
 * are corrected (actions inferred from a thread's context or a client's own code, a principal that is no ARN, and a
 * Lambda execution role's sentence its labeller read apart from its own row of the same words). Marked as holding no AWS
 * answer, read as none and judged either way by their labellers: GameLift's `Alias (alias-****) not found.` (81), API
 * Gateway's `No method found matching route …` and the Serverless Framework's `Too Many Requests Exception` heading (82),
 * Redshift's JDBC `FATAL: IAM Authentication token has expired`, QLDB's `Transaction already open`, a console's `Resource
 * not found` and an application's `The parameter CacheNodeType must be provided` (83), a Bedrock 403 naming no AWS host
 * and Bedrock's `Malformed input request` relayed by Semantic Kernel (85).
 * Rounds eighty-six to ninety, gathered with fetch and git once the search was spent, frozen at 99b67c4 (eighty-seven at
 * e0fe17a, its labels done later): `heldout86.jsonl` (21, Serverless, SAM and CDK repositories: 96.0% fresh),
 * `heldout87.jsonl` (19, CI/CD integrations: 91.8%), `heldout88.jsonl` (19, lakehouse engines' repositories: 90.8%),
 * `heldout89.jsonl` (28, AWS's own open-source tools: 96.1%) and `heldout90.jsonl` (23, observability repositories:
 * 98.4%): 95.0% fresh over the five (572/602 fields). Round eighty-eight's `Rate exceeded.` under a Glue class names no
 * code, as its labeller corrected; its four Athena engine messages with no AWS mark (`Bytes scanned limit was exceeded`,
 * `HIVE_TOO_MANY_OPEN_PARTITIONS`, `EXCEEDED_MEMORY_LIMIT`, `Failed analyzing stored view`), read as none and judged
 * either way, are marked as holding no AWS answer.
 * Rounds ninety-one to ninety-seven, gathered with the search again and frozen together at 41772ff: `heldout91.jsonl` (26,
 * cloud security and inventory tools: 93.8% fresh), `heldout92.jsonl` (28, storage, sync and backup tools on S3: 95.9%),
 * `heldout93.jsonl` (30, containers on AWS: 97.3%), `heldout94.jsonl` (33, identity and sign-in tooling: 94.5%),
 * `heldout95.jsonl` (30, machine learning and analytics services: 91.2%), `heldout96.jsonl` (25, pastes in languages other
 * than English: 89.1%) and `heldout97.jsonl` (28, IoT, media and communications: 91.7%): 93.4% fresh over the seven
 * (1,092/1,169 fields). Two resources their labeller judged wrong by the rules are corrected (a validation message's ARN,
 * a stray backtick). Marked as holding no AWS answer: two rows their labellers took from the prose around the paste (an
 * OAuth server's `invalid_grant`, PostgreSQL's `permission denied for schema`), and, read as none and judged either way,
 * Redshift's `Statement failed: ERROR: …` relayed with no mark of AWS (95), CloudShell's monthly hours, AWS's fixed
 * sentences translated whole with no code (a Korean expired token, a Chinese signature mismatch and capacity shortfall, a
 * Russian console banner) (96), an SNS SMS delivery record and a Greengrass deployment's status (97).
 * Rounds ninety-eight to one hundred and four, frozen together at a6d1a4f (after ninety-one to ninety-seven's fixes):
 * `heldout98.jsonl` (22, Kubernetes controllers that manage AWS resources: 95.5% fresh), `heldout99.jsonl` (27, serverless
 * runtime logs: 94.4%), `heldout100.jsonl` (23, streaming and messaging clients: 93.7%), `heldout101.jsonl` (27, web
 * frameworks and CMS storage adapters: 98.0%), `heldout102.jsonl` (23, secrets, keys and configuration: 96.2%),
 * `heldout103.jsonl` (30, developer tools and IDEs: 93.8%) and `heldout104.jsonl` (17, Stack Overflow and the like:
 * 98.0%): 95.5% fresh over the seven (896/938 fields). A lower-case step's action its labeller judged wrong by the rules
 * is cleared (`Error while deleting space`, several services' name). Marked as holding no AWS answer: Kafka's
 * `ClusterAuthorizationException`, its labeller's AWS taken from the thread (100), and, read as none and judged either
 * way, Route 53's RRSet sentence and an ACK.Terminal condition with no mark of AWS (98), a blog's retelling of API
 * Gateway's sentence (99), Lambda's event source mapping's `PROBLEM: Connection error` (100), `ServerlessError: Invalid
 * keyId` (102), an OAuth `unauthorized_client` body (103) and a bare `{ errorMessage: Unauthorized }` (104).
 * Rounds one hundred and five to one hundred and eleven, the search spent early in most, gathered with fetch and git,
 * frozen at 60ca14e (one hundred and six, its labels done later, at 0646f5f): `heldout105.jsonl` (31, infrastructure as
 * code beyond Terraform and CloudFormation: 93.1% fresh), `heldout106.jsonl` (27, CloudFormation's own answers: 86.9%),
 * `heldout107.jsonl` (30, security services: 93.9%), `heldout108.jsonl` (30, compute: 92.9%), `heldout109.jsonl` (25,
 * databases' operational errors: 90.0%), `heldout110.jsonl` (26, Windows and end-user computing: 92.2%) and
 * `heldout111.jsonl` (17, billing and account-level APIs: 93.5%): 91.8% fresh over the seven (1,002/1,092 fields). Labels
 * their labellers judged wrong by the rules are corrected: an HTTP reason in a code's place (105), two actions of
 * operations several services have chosen from the source's repository (107), EC2's VPC quota sentence's code (108),
 * CloudFormation's `Template format error` sentence's code (106) and an action from a program's own call (111). Marked as
 * holding no AWS answer, read as none and judged either way: that HTTP reason alone and Amplify's `Build error!` line
 * (105), CloudTrail's organization trail sentence (107), an SSM automation's `TimedOut` and Elastic Beanstalk's missing
 * instance profile (108), AppStream's notification code and Storage Gateway's health log (110).
 * Rounds one hundred and twelve to one hundred and eighteen, gathered with fetch and git only (the search spent), frozen at
 * 5e2eb6c (one hundred and thirteen, fourteen, sixteen and eighteen) and a3af6be (twelve, fifteen, seventeen):
 * `heldout112.jsonl` (13, scientific and HPC workloads: 100% fresh), `heldout113.jsonl` (16, edge and hybrid: 96.1%),
 * `heldout114.jsonl` (14, the newer SDKs' own repositories: 98.6%), `heldout115.jsonl` (20, Python tooling: 98.4%),
 * `heldout116.jsonl` (12, JavaScript and TypeScript: 100%), `heldout117.jsonl` (14, migration and data transfer: 94.5%)
 * and `heldout118.jsonl` (18, observability agents: 96.9%): 97.6% fresh over the seven (574/588 fields). Labels their
 * labellers judged wrong by the rules are corrected: an action of several services' operation taken from a README (115)
 * and a Transfer Family server's ID in a `Resource` field, no ARN (117). Marked as holding no AWS answer, read as none
 * and judged either way: EKS on Outposts' health sentence (113) and two S3 Batch Operations sentences with no mark of
 * AWS (117).
 * Rounds one hundred and nineteen to one hundred and twenty-five, gathered with the search tools again, frozen at 456f5b5
 * (nineteen, twenty-two to twenty-five) and f517e38 (twenty, twenty-one, their labels done later): `heldout119.jsonl` (22,
 * analytics query engines: 95.5% fresh), `heldout120.jsonl` (24, email, notification and end-user identity: 94.0%),
 * `heldout121.jsonl` (25, configuration management and image builders: 97.1%), `heldout122.jsonl` (25, API Gateway,
 * AppSync and function URLs from the client: 92.6%), `heldout123.jsonl` (26, backup and disaster recovery: 95.6%),
 * `heldout124.jsonl` (15, third-party data platforms: 99.0%) and `heldout125.jsonl` (22, platform-as-a-service
 * deployments: 92.2%): 95.0% fresh over the seven (1,057/1,113 fields). A label its labeller judged wrong by the rules is
 * corrected: a redacted ARN kept as written (119). Two emulators' answers, AWS's to the letter (LocalStack's SNS
 * `NotFound`, a simulator's SES denial), are read as the answers their texts are (120), and practice91's Elastic
 * Beanstalk event, which round 125 reads as that service's answer, is its answer too. Marked as holding no AWS answer,
 * read as none and judged either way: Redshift's COPY credentials sentence and an Athena query's `SYNTAX_ERROR`, Trino's
 * words (119), Lambda's `Cross-account log access is not allowed` body alone (122) and App Runner's event log without an
 * error (125).
 * Rounds one hundred and twenty-six to one hundred and thirty-two, gathered with the search tools, frozen at 96284a2
 * (twenty-eight, twenty-nine, thirty-one) and e28eb65 (twenty-six, twenty-seven, thirty, thirty-two): `heldout126.jsonl` (22,
 * databases beyond RDS: 94.2% fresh), `heldout127.jsonl` (21, platforms that broker AWS credentials: 95.9%),
 * `heldout128.jsonl` (13, Organizations and account vending: 93.4%), `heldout129.jsonl` (26, the networking control plane
 * and CNI: 94.0%), `heldout130.jsonl` (23, AWS AI services from applications: 97.5%), `heldout131.jsonl` (26, Lambda's
 * platform features: 94.0%) and `heldout132.jsonl` (9, pods calling AWS on EKS: 98.4%): 95.1% fresh over the seven
 * (932/980 fields). A label its labeller judged wrong by the rules is corrected: a tool's lower-case step of an operation
 * three services have (131). LocalStack's HTML 500 under botocore's envelope is read as the answer its text is (126), as
 * round 120's emulators are; a CloudFront error page about a Lambda@Edge function, read as none and judged either way, is
 * marked as holding no AWS answer (131).
 * Rounds one hundred and thirty-three to one hundred and thirty-nine, the search budget spent part-way (the rest gathered
 * with fetch, much of it from AWS's archived guides), frozen at ea95b0f (thirty-four, thirty-seven to thirty-nine) and
 * 6da2425 (thirty-three, thirty-five, thirty-six): `heldout133.jsonl` (19, storage beyond S3: 90.2% fresh),
 * `heldout134.jsonl` (14, monitoring and security SaaS integrations: 96.9%), `heldout135.jsonl` (25, contact-center and
 * business applications: 93.1%), `heldout136.jsonl` (24, certificates and keys: 94.0%), `heldout137.jsonl` (17, testing
 * infrastructure against AWS: 94.1%), `heldout138.jsonl` (22, public datasets: 98.1%) and `heldout139.jsonl` (23, media
 * and game services: 95.0%): 94.4% fresh over the seven (952/1,008 fields). Labels their labellers judged wrong by the
 * rules are corrected: a tool's step of an operation two services have (133), a quota message's resource (135) and
 * CloudFormation's `Template format error` sentence's code (139). Two emulators' answers, AWS's to the letter, are read
 * as the answers their texts are (136); Connect's `Session Expired` alone, read as none and judged either way, is marked
 * as holding no AWS answer (135). S3's location constraint sentence word-wrapped under pytest's indent (`… region
 * specific endpoint` / `    this request was sent to`, 138), which the wrap repair joins as a cut word, was marked so too
 * while its defect was open; it is read now (the sentence known by its words up to `endpoint`) and scored.
 * Rounds one hundred and forty to one hundred and forty-four, gathered with fetch and git only (the search spent): frozen
 * at 3460aea (forty-two to forty-four), 125d89e (forty-one) and b6d2331 (forty, their labels done later):
 * `heldout140.jsonl` (5, Kubernetes add-ons that call AWS: 100% fresh), `heldout141.jsonl` (10, data
 * orchestration frameworks: 100% fresh), `heldout142.jsonl` (15, account cleanup and inventory CLIs: 94.3%),
 * `heldout143.jsonl` (16, serverless frameworks: 95.5%) and `heldout144.jsonl` (16, mobile and web authentication SDKs:
 * 99.1%): 97.1% fresh over the five (422/434 fields). Labels their labellers judged wrong by the rules are corrected:
 * Shield's missing subscription as opt-in (142) and a misrouted request's AccessDeniedException as other (143); API
 * Gateway's path-part sentence alone, read as none and judged either way, is marked as holding no AWS answer (143).
 * Rounds one hundred and forty-six to one hundred and fifty, frozen at e74270d: `heldout146.jsonl` (13, NAS, desktop and
 * enterprise backup software: 93.3% fresh), `heldout147.jsonl` (17, databases and warehouses reading S3 themselves:
 * 94.4%), `heldout148.jsonl` (21, artifact, package and cache stores: 96.6%), `heldout149.jsonl` (19, event-driven
 * glue between services: 95.5%) and `heldout150.jsonl` (6, PowerShell and Windows administration: 89.8%). Read as none
 * and judged either way by their labellers, marked as holding no AWS answer: a backup operator's bare `400 Bad Request`
 * on its bucket check and restic's bare 301 from an S3 host (146), DuckDB's 403 from a redacted host (147), and
 * `Send-SSMCommand:` before a message that is no documented one of SSM's (150). Round one hundred and fifty-one, frozen at
 * d0b93e4: `heldout151.jsonl` (26, CloudTrail records as people paste them: 84.6% fresh), most of them a detection
 * rule's test records whose keys are sorted or written as YAML, read since. Rounds one hundred and forty-five, one hundred
 * and fifty-two, fifty-five and fifty-seven, frozen at 773b356: `heldout145.jsonl` (20, less
 * common languages' SDKs: 90.7% fresh), `heldout152.jsonl` (11, detection and SIEM content: 96.1%), `heldout155.jsonl`
 * (21, Terraform modules and tooling: 93.2%) and `heldout157.jsonl` (17, security and red-team tooling: 98.3%). Rounds
 * one hundred and fifty-three and fifty-six, frozen at afdb3b3: `heldout153.jsonl` (18, the SDKs' and tools' own test
 * fixtures: 100% fresh) and `heldout156.jsonl` (20, AWS's own samples and solutions: 100%). Round one hundred and
 * fifty-nine, frozen at 94a06ae: `heldout159.jsonl` (19, browser and mobile uploads through presigned URLs and POST
 * policies: 96.2% fresh). Rounds one hundred and fifty-eight, sixty, sixty-one and sixty-two, frozen at 89f06d1:
 * `heldout158.jsonl` (14, continuous delivery platforms: 100% fresh), `heldout160.jsonl` (22, governance, compliance and
 * cost tools: 96.8%), `heldout161.jsonl` (20, static-site deploy tools: 97.9%) and `heldout162.jsonl` (8, database
 * access through IAM and proxies: 95.2%); the Terraform provider's own `Secrets Manager Secret "arn:…" Version
 * "AWSCURRENT" not found`, read as none and judged either way, is marked as holding no AWS answer (162). Rounds one
 * hundred and sixty-three to sixty-eight, frozen at f640da7: `heldout163.jsonl` (10, CI systems other than GitHub
 * Actions: 98.6% fresh), `heldout164.jsonl` (16, image builders and credential helpers against ECR: 94.6%),
 * `heldout165.jsonl` (14, big data on EMR: 92.0%), `heldout166.jsonl` (14, scientific Python on S3: 96.9%),
 * `heldout167.jsonl` (18, Kubernetes on AWS without EKS: 96.8%) and `heldout168.jsonl` (14, chat and alerting
 * integrations: 95.2%); EMR's bare `PersistentAppUI isn't available …` and `InstanceProfile is required …` (165) and
 * AWS Chatbot's `Event received is not supported` (168), read as none and judged either way, are marked as holding no
 * AWS answer. `heldout11.jsonl`'s `error listing AWS volumes:` under EC2's code, labelled without an action, now reads
 * as DescribeVolumes, as round 167's labeller read the same step (a label split, left as labelled). Rounds one hundred
 * and fifty-four and seventy-three, frozen at 6767109: `heldout154.jsonl` (8, data and ML projects: 96.4% fresh) and
 * `heldout173.jsonl` (12, blog posts and Q&A pages: 98.8%). Rounds one hundred and sixty-nine and seventy-one, frozen at
 * 5d55b9e: `heldout169.jsonl` (11, cross-account access: 100% fresh) and `heldout171.jsonl` (6, encryption-related
 * failures: 97.6%). Round one hundred and seventy-two, frozen at 2ff004e: `heldout172.jsonl` (6, IAM's own special checks:
 * 95.2% fresh); round one hundred and seventy, frozen at 423d80a: `heldout170.jsonl` (9, reason clauses naming the policy
 * layer: 100%).
 * The practice rounds (`practice7.jsonl` … `practice13.jsonl`, 374 errors) were labelled beside the reader's output,
 * to find its defects, and are kept as regression tables; 12 of their sources, gathered while round seven was, are
 * round seven's too and are left out of them (round seven scored 91.4% fresh on its other 98 errors as on all), and
 * Mountpoint's client-side `CRT error 2054` is marked as holding no AWS answer, as its labeller allowed; practice
 * seven's two bare `Access Denied` (Velero, Thanos) carry `AccessDenied`, as the contract reads it. Practice rounds
 * fourteen (relayed errors and the long tail, 58) and fifteen (newer services, 44) followed; fifteen's EKS Pod
 * Identity agent log of a call its own context cancelled (`StatusCode: 0, RequestID: , canceled`) holds no AWS
 * answer, as its labeller allowed. Then sixteen (core services in the mainstream tools, 36) and seventeen (Kubernetes
 * controllers, CI and service logs, 47); sixteen's `Not authorized for images` carries EC2's AuthFailure, as its labeller
 * corrected. Nineteen (38 from Windows users and pages not in English, 92.1% first run) reads below the others: its
 * codes that only the service would tell (a signature or token sentence several services share) stay as labelled.
 * Eighteen (30 explicit denies and newer reason clauses, 91.0% first run): a decoded authorization message cut short and
 * pasted alone holds no error, as its labeller allowed; its SDK-less `AccessDenied` carries the code its labeller corrected.
 * Then five rounds gathered while round ten was labelled, from sources apart from every earlier set and from each other
 * (first-run CLI scores with the catalog): twenty, data and ML tools (45, 95.6%; a Redshift Data API statement's SQL
 * error, no AWS answer, is marked as holding none); twenty-one, infrastructure as code beyond Terraform (40, 94.3%);
 * twenty-two, look-alikes and the rarer kinds (52, 94.2%; KMS's NotFoundException relayed by Systems Manager is `other`,
 * as the corpus reads a key that does not exist, not `kms-key-state`); twenty-three, SDKs inside applications (41, four
 * holding no AWS answer, 96.9%); twenty-four, CloudTrail records and security tools (42, 96.3%). Then five more:
 * twenty-five, Terraform and OpenTofu of 2023–2026 (34, 96.2%); twenty-six, web pages rather than GitHub (40, four
 * holding none, 98.8%); twenty-seven, serverless and container platforms (44, 93.5%); twenty-eight, credential and login
 * tooling (47, seven holding none, 96.4%; one source twenty-five also took left out); twenty-nine, errors inside other
 * formats (41, 95.8%; one source twenty-five also took left out). Then thirty, IoT, edge and mobile (40, one holding
 * none, 96.3%) and thirty-one, HTTP-level access to AWS (45, one holding none, 95.1%), gathered while round eleven was;
 * then thirty-two, JVM data and streaming tools (34, 96.6%; Kafka's `The client is not authorized to access this topic`,
 * which names nothing of AWS, kept as holding none), and thirty-three, storage and database connectors (33, six holding
 * none, 95.2%). Two older labels of a tool's step left without an action (Velero's `Error listing backups in backup
 * store`, restic's `client.BucketExists`) now count against the reader, which reads the step's S3 call. Three labels
 * that left out the action a service's own sentence names, or a tool's step, carry it now, as later rounds labelled the
 * same shapes: Control Tower's `is unable to assume the AWSControlTowerExecution role` (practice seven) and Step
 * Functions' `Neither the global service principal …, nor the regional one is authorized to assume the provided role`
 * under CreateStateMachine (round seven) are a refused sts:AssumeRole; saml2aws's `error retrieving STS credentials
 * using SAML` (practice twenty-eight) is AssumeRoleWithSAML.
 * Then eight more, gathered while round twelve was labelled (first-run CLI scores; texts that hold no AWS answer, or
 * that their labellers counted ambiguous and the reader reads as holding none, are marked as holding none):
 * thirty-four, CI/CD systems (36, 95.6%; ECS's `Unrecognized collection type class …RegisterTaskDefinitionRequest` without
 * a code kept as none); thirty-five, Kubernetes controllers and add-ons (35, 95.9%); thirty-six, pastes inside pages not in
 * English (33, 96.5%); thirty-seven, less common SDKs (Elixir, Julia, R, Clojure, Swift, Dart, MinIO clients; 35, 89.0%);
 * thirty-eight, Windows and .NET (43, 92.4%); thirty-nine, analytics services' own failure text (37, 95.0%; Athena's
 * `Insufficient permissions to execute the query.`, as round nine, SageMaker's model download sentence and EMR's
 * cleanup role state reason kept as none); forty, messaging and workflow (34, 91.6%; a Kafka broker's topic
 * authorization through MSK, as round thirty-two, AppSync's bare `Unable to assume role` and a console's Lambda
 * permission statement kept as none); forty-one, identity and governance (41, 98.3%). Then, while round twelve was
 * scored: forty-two, generative AI tools on AWS (50, 95.4%; a model's token limit sentence that names nothing of AWS
 * kept as none), forty-three, observability agents and exporters (37, 97.7%), forty-four, database services and their
 * drivers (37, 95.6%). Then, while round thirteen was labelled: forty-five, infrastructure as code on newer services (33,
 * four holding no AWS answer, 95.1%; a Terraform waiter's relayed internal failure and a custom resource's service-linked
 * role sentence kept as none), forty-six, text mangled on the way (PowerShell wraps, mail and chat quotes; 34, 96.6%;
 * a source round twelve also took left out), forty-seven, console banners and notices (35, 93.5%; a source forty-six
 * also took left out; AWS's e-mailed notices and the billing migration banner, no errors, and a Cost Explorer and an
 * Amplify Studio banner kept as none); forty-eight, older eras, 2012–2019 (35, from commit messages and repository
 * docs, 95.1%; boto 2's bare `BotoServerError: 400 Bad Request` kept as none). Then, while round fifteen was
 * labelled (first runs through the CLI, with the catalog): forty-nine, networking and edge (42, 94.9%; EC2's `User … cannot
 * accept peering pcx-…` without its code, relayed by a stack event, kept as none), fifty, security services (41, 94.8%;
 * Inspector's per-account `ACCESS_DENIED` relayed by a Terraform waiter kept as none), fifty-one, developer tools and
 * local emulators (36, 96.0%; LocalStack's own enforcement log, no AWS answer, kept as none), fifty-two, AI and media
 * application services (46, 95.7%; a MediaLive console's code alone on a line, which no table knows, Chime's deprecated
 * endpoint sentence its labeller counted ambiguous, and Transcribe's event stream printed as bytes kept as none),
 * fifty-three, migration, backup and storage (34, two holding no AWS answer, 91.6%; AWS Backup's vault sentence with no
 * code written and Transfer Family's SFTP log line kept as none), fifty-four, Python data tools reaching S3 (43, 98.0%;
 * an awswrangler user's retold sentence its labeller counted ambiguous kept as none), fifty-five, the AWS CLI and boto3
 * of 2024–2026 (37, two holding no AWS answer, 99.6%), fifty-eight, question and blog pages of 2023–2026 (37, three
 * holding no AWS answer, 95.8%; the console's sentences of an AMI one may not view and of billing one may not see,
 * without a code, kept as none), fifty-six, Terraform and OpenTofu of 2025–2026 (28, 99.0%; its labeller's one label
 * corrected, an IAM role's name rebuilt as an ARN), fifty-seven, application logs of the SDKs of 2024–2026 (20, one
 * holding no AWS answer, 92.1%; two labels corrected by its labeller), sixty, look-alikes and near-denials of 2022–2026 (35,
 * 93.9%; three labels corrected by its labeller; Claude Code's retelling of a Bedrock daily token quota, which names
 * nothing of AWS, kept as none), sixty-one, one service relaying another's refusal (36, two holding no AWS answer, 94.8%;
 * six labels corrected by its labeller; CodePipeline's `Status reason is not available because IAM role associated
 * with the action does not have CloudFormation DescribeStackEvents permission`, without a code, kept as none), fifty-nine,
 * commit messages that quote an error (34 from 22 repositories, 98.3%; one label corrected by its labeller), sixty-two,
 * GitHub issues of 2025–2026 (35, three holding no AWS answer, 94.7%; AgentCore's `Validation failed during
 * CreateMemory`, which names no code, kept as none), sixty-three, configuration management and provisioning tools (31,
 * three holding no AWS answer, 91.2%; an ACK resource's terminal condition relaying ElastiCache's validation sentence
 * without a code kept as none), sixty-four, data movement and ETL
 * tools (34, two holding no AWS answer, 95.0%; five texts its labeller counted ambiguous, DuckDB's cut URL, Databricks'
 * credential checks and kafka-go's SASL refusal, kept as none). Seventy-three to seventy-six (first runs through the CLI):
 * Windows, PowerShell and .NET (38, eleven holding no AWS answer, 92.1%; a docker push's body-less 403 that names nothing
 * of AWS kept as none; one label set as the contract reads a PowerShell cmdlet, `Get-CFNStack` as DescribeStacks, and
 * so one of round thirty-four's, the .NET Lambda tools' `Uploading to S3.` step as PutObject), browsers and mobile
 * front ends (35, two holding none, 96.7%; a bare `You are not authorized to make this call.` kept as none),
 * structured application logs (33, two holding none, 97.8%) and multi-account governance (38, two holding none, 92.9%);
 * seventy-seven, EKS workloads' AWS identity (33, twelve holding none, 96.1%; a quoted EKS trust policy sentence whose
 * only mark of AWS is its `Service: AWSWesleyFrontend` tail kept as none) and seventy-eight, databases and caches
 * called from applications (35, four holding none, 96.3%; a bare `ResourceNotFoundException` ending a tool's log line
 * kept as none); seventy-nine, API Gateway and Lambda URLs (15 from 13 sources, the search spent, two holding none,
 * 97.1%; a bare `{"message":"Unauthorized"}` that names nothing of AWS kept as none); eighty, S3 file-system and sync
 * tools (19 from 17 sources, the search spent, one holding none, 97.0%; three labels corrected by its labeller; the
 * three of a file held-out round thirty-three had taken left out); eighty-two, CloudTrail records and audit output (17
 * from 14 sources, 78.2% first run: the policy simulator's output, failed console sign-ins, fields as a table or a list;
 * `decode-authorization-message` output, a decoded message that `explain` and `--decoded` read and no error, kept as none);
 * eighty-one, CloudFormation, CDK and SAM deployments (38, 94.7% first run; StackSets' `Cancelled since failure
 * tolerance has exceeded`, no cause named, kept as none); eighty-three, damaged pastes (32, 95.1%); eighty-four, big-data
 * engines over S3 and Glue (34, five holding no AWS answer, 93.3%; EMR's state reasons and Redshift Spectrum's
 * `S3Query Exception`, which its labeller counted ambiguous, kept as none); eighty-five, backup, observability and
 * object-storage tools (34, six holding none, 90.3%; a decoded message as in eighty-two and a bare `HTTP status=401`
 * kept as none); eighty-six, signature, clock and key failures (36, 93.7%); eighty-seven, Go programs (21, one holding
 * no AWS answer, 95.2%); eighty-eight, Java and JVM programs (19, 95.5%); eighty-nine, log lines with a prefix on every
 * line (34, three holding no AWS answer, the Go SDK's own credential failures among them, 97.5%); ninety, errors inside
 * structured logs and JSON (29, 95.6%; CloudWatch Logs' `Could not deliver test message` and a Go SDK's status 408 with
 * an empty code, which its labeller counted ambiguous, kept as none); ninety-one, what people copy from consoles and
 * pipelines (35, 88.6% first run; the search spent, its last 13 from AWS's guides' repositories; ten bare console
 * sentences with no code, ARN or service that its labeller counted ambiguous, and Athena's `Access Denied: Cannot select
 * from columns`, which Trino's own access control writes alike, kept as none); ninety-two, security, inventory and
 * compliance scanners (35, six holding no AWS answer, most of the rest look-alikes and validation errors a plugin's code
 * comments keep; 99.2% first run with the catalog the CLI uses, 97.5% without).
 * Two labels of Amazon Managed Service for Prometheus' remote write (round twenty-one's and practice forty-three's) that
 * left the action out carry `aps:RemoteWrite` now, the API its endpoint's path (`…/api/v1/remote_write`) names, as
 * practice eighty-five labelled the same shape.
 * Each round's floor is what the
 * reader reads now, so that no change loses ground; every error that holds one must be found. Labels stay
 * as written even where the reader goes further on purpose (round one counted a Terraform step phrase as
 * not naming the operation; `on resource: role NAME` is rebuilt as an ARN): those count against it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkKeys } from '../../test/case-table.js';
import { readError } from './read-error.js';

const FIELDS = ['kind', 'code', 'action', 'principal', 'resource', 'reasonLayer', 'denyType'] as const;
type Field = (typeof FIELDS)[number];

interface HeldOut {
  readonly text: string;
  readonly source: string;
  readonly tool: string;
  /** `false` for a text gathered as an error that holds no AWS error (not scored). */
  readonly holdsAwsError?: boolean;
  readonly expected: Readonly<Record<Field, string | null>>;
}

function readRound(file: string): HeldOut[] {
  return readFileSync(new URL(`../../../../test/corpus/${file}`, import.meta.url), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, i) => {
      const row = checkKeys(
        JSON.parse(line),
        ['text', 'source', 'tool', 'holdsAwsError', 'expected'],
        `${file}:${i + 1}`,
      );
      checkKeys(row.expected, [...FIELDS], `${file}:${i + 1} expected`);
      return row as unknown as HeldOut;
    });
}

/** Each round, the share of its fields the reader must read right, and how many errors it holds at least. */
const ROUNDS = [
  { file: 'heldout.jsonl', floor: 0.98, size: 95 },
  { file: 'heldout2.jsonl', floor: 0.98, size: 95 },
  { file: 'heldout3.jsonl', floor: 0.98, size: 95 },
  { file: 'heldout4.jsonl', floor: 0.99, size: 95 },
  { file: 'heldout5.jsonl', floor: 0.98, size: 95 },
  { file: 'heldout6.jsonl', floor: 0.98, size: 95 },
  { file: 'heldout7.jsonl', floor: 0.97, size: 95 },
  { file: 'heldout8.jsonl', floor: 0.97, size: 95 },
  { file: 'heldout9.jsonl', floor: 0.97, size: 95 },
  { file: 'heldout10.jsonl', floor: 0.96, size: 95 },
  { file: 'heldout11.jsonl', floor: 0.97, size: 80 },
  { file: 'heldout12.jsonl', floor: 0.96, size: 55 },
  { file: 'heldout13.jsonl', floor: 0.98, size: 75 },
  { file: 'heldout14.jsonl', floor: 0.97, size: 75 },
  { file: 'heldout15.jsonl', floor: 0.96, size: 48 },
  { file: 'heldout16.jsonl', floor: 0.97, size: 52 },
  { file: 'heldout17.jsonl', floor: 0.98, size: 70 },
  { file: 'heldout18.jsonl', floor: 0.97, size: 75 },
  { file: 'heldout19.jsonl', floor: 0.95, size: 75 },
  { file: 'heldout20.jsonl', floor: 0.97, size: 76 },
  { file: 'heldout21.jsonl', floor: 0.97, size: 73 },
  { file: 'heldout22.jsonl', floor: 0.97, size: 33 },
  { file: 'heldout23.jsonl', floor: 0.97, size: 61 },
  { file: 'heldout24.jsonl', floor: 0.97, size: 44 },
  { file: 'heldout25.jsonl', floor: 0.96, size: 62 },
  { file: 'heldout26.jsonl', floor: 0.92, size: 33 },
  { file: 'heldout27.jsonl', floor: 0.95, size: 26 },
  { file: 'heldout28.jsonl', floor: 0.97, size: 43 },
  { file: 'heldout29.jsonl', floor: 0.98, size: 48 },
  { file: 'heldout30.jsonl', floor: 0.98, size: 34 },
  { file: 'heldout31.jsonl', floor: 0.98, size: 43 },
  { file: 'heldout32.jsonl', floor: 0.95, size: 21 },
  { file: 'heldout33.jsonl', floor: 0.97, size: 24 },
  { file: 'heldout34.jsonl', floor: 0.97, size: 15 },
  { file: 'heldout35.jsonl', floor: 0.95, size: 22 },
  { file: 'heldout36.jsonl', floor: 0.98, size: 41 },
  { file: 'heldout37.jsonl', floor: 0.98, size: 44 },
  { file: 'heldout38.jsonl', floor: 0.97, size: 44 },
  { file: 'heldout39.jsonl', floor: 0.98, size: 41 },
  { file: 'heldout40.jsonl', floor: 0.96, size: 27 },
  { file: 'heldout41.jsonl', floor: 0.96, size: 31 },
  { file: 'heldout42.jsonl', floor: 0.97, size: 20 },
  { file: 'heldout43.jsonl', floor: 0.97, size: 20 },
  { file: 'heldout44.jsonl', floor: 0.92, size: 10 },
  { file: 'heldout45.jsonl', floor: 0.95, size: 20 },
  { file: 'heldout46.jsonl', floor: 0.96, size: 26 },
  { file: 'heldout47.jsonl', floor: 0.97, size: 43 },
  { file: 'heldout48.jsonl', floor: 0.96, size: 43 },
  { file: 'heldout49.jsonl', floor: 0.99, size: 33 },
  { file: 'heldout50.jsonl', floor: 0.97, size: 38 },
  { file: 'heldout51.jsonl', floor: 0.95, size: 15 },
  { file: 'heldout52.jsonl', floor: 0.97, size: 28 },
  { file: 'heldout53.jsonl', floor: 0.98, size: 33 },
  { file: 'heldout54.jsonl', floor: 0.96, size: 25 },
  { file: 'heldout55.jsonl', floor: 0.97, size: 32 },
  { file: 'heldout56.jsonl', floor: 0.97, size: 29 },
  { file: 'heldout57.jsonl', floor: 0.97, size: 28 },
  { file: 'heldout58.jsonl', floor: 0.95, size: 30 },
  { file: 'heldout59.jsonl', floor: 0.93, size: 29 },
  { file: 'heldout60.jsonl', floor: 0.96, size: 23 },
  { file: 'heldout61.jsonl', floor: 0.98, size: 32 },
  { file: 'heldout62.jsonl', floor: 0.96, size: 32 },
  { file: 'heldout63.jsonl', floor: 0.96, size: 25 },
  { file: 'heldout64.jsonl', floor: 0.94, size: 23 },
  { file: 'heldout65.jsonl', floor: 0.97, size: 33 },
  { file: 'heldout66.jsonl', floor: 0.98, size: 36 },
  { file: 'heldout67.jsonl', floor: 0.93, size: 30 },
  { file: 'heldout68.jsonl', floor: 0.97, size: 28 },
  { file: 'heldout69.jsonl', floor: 0.97, size: 21 },
  { file: 'heldout70.jsonl', floor: 0.96, size: 33 },
  { file: 'heldout71.jsonl', floor: 0.95, size: 19 },
  { file: 'heldout72.jsonl', floor: 0.9, size: 9 },
  { file: 'heldout73.jsonl', floor: 0.99, size: 29 },
  { file: 'heldout74.jsonl', floor: 0.97, size: 28 },
  { file: 'heldout75.jsonl', floor: 0.98, size: 25 },
  { file: 'heldout76.jsonl', floor: 0.95, size: 21 },
  { file: 'heldout77.jsonl', floor: 0.96, size: 24 },
  { file: 'heldout78.jsonl', floor: 0.96, size: 31 },
  { file: 'heldout79.jsonl', floor: 0.97, size: 30 },
  { file: 'heldout80.jsonl', floor: 0.97, size: 26 },
  { file: 'heldout81.jsonl', floor: 0.97, size: 27 },
  { file: 'heldout82.jsonl', floor: 0.98, size: 32 },
  { file: 'heldout83.jsonl', floor: 0.96, size: 30 },
  { file: 'heldout84.jsonl', floor: 0.96, size: 31 },
  { file: 'heldout85.jsonl', floor: 0.98, size: 29 },
  { file: 'heldout86.jsonl', floor: 0.96, size: 18 },
  { file: 'heldout87.jsonl', floor: 0.95, size: 14 },
  { file: 'heldout88.jsonl', floor: 0.97, size: 10 },
  { file: 'heldout89.jsonl', floor: 0.96, size: 22 },
  { file: 'heldout90.jsonl', floor: 0.99, size: 18 },
  { file: 'heldout91.jsonl', floor: 0.97, size: 23 },
  { file: 'heldout92.jsonl', floor: 0.96, size: 21 },
  { file: 'heldout93.jsonl', floor: 0.99, size: 26 },
  { file: 'heldout94.jsonl', floor: 0.97, size: 25 },
  { file: 'heldout95.jsonl', floor: 0.94, size: 24 },
  { file: 'heldout96.jsonl', floor: 0.96, size: 16 },
  { file: 'heldout97.jsonl', floor: 0.96, size: 22 },
  { file: 'heldout98.jsonl', floor: 0.97, size: 14 },
  { file: 'heldout99.jsonl', floor: 0.98, size: 22 },
  { file: 'heldout100.jsonl', floor: 0.96, size: 16 },
  { file: 'heldout101.jsonl', floor: 0.99, size: 21 },
  { file: 'heldout102.jsonl', floor: 0.98, size: 17 },
  { file: 'heldout103.jsonl', floor: 0.97, size: 22 },
  { file: 'heldout104.jsonl', floor: 0.99, size: 13 },
  { file: 'heldout105.jsonl', floor: 0.96, size: 23 },
  { file: 'heldout106.jsonl', floor: 0.92, size: 24 },
  { file: 'heldout107.jsonl', floor: 0.91, size: 27 },
  { file: 'heldout108.jsonl', floor: 0.95, size: 24 },
  { file: 'heldout109.jsonl', floor: 0.92, size: 20 },
  { file: 'heldout110.jsonl', floor: 0.95, size: 20 },
  { file: 'heldout111.jsonl', floor: 0.9, size: 11 },
  { file: 'heldout112.jsonl', floor: 0.98, size: 11 },
  { file: 'heldout113.jsonl', floor: 0.99, size: 10 },
  { file: 'heldout114.jsonl', floor: 0.98, size: 10 },
  { file: 'heldout115.jsonl', floor: 0.99, size: 18 },
  { file: 'heldout116.jsonl', floor: 0.97, size: 7 },
  { file: 'heldout117.jsonl', floor: 0.99, size: 11 },
  { file: 'heldout118.jsonl', floor: 0.96, size: 14 },
  { file: 'heldout119.jsonl', floor: 0.97, size: 20 },
  { file: 'heldout120.jsonl', floor: 0.95, size: 26 },
  { file: 'heldout121.jsonl', floor: 0.97, size: 25 },
  { file: 'heldout122.jsonl', floor: 0.97, size: 24 },
  { file: 'heldout123.jsonl', floor: 0.97, size: 26 },
  { file: 'heldout124.jsonl', floor: 0.98, size: 15 },
  { file: 'heldout125.jsonl', floor: 0.97, size: 21 },
  { file: 'heldout126.jsonl', floor: 0.98, size: 23 },
  { file: 'heldout127.jsonl', floor: 0.99, size: 21 },
  { file: 'heldout128.jsonl', floor: 0.93, size: 13 },
  { file: 'heldout129.jsonl', floor: 0.92, size: 26 },
  { file: 'heldout130.jsonl', floor: 0.96, size: 23 },
  { file: 'heldout131.jsonl', floor: 0.97, size: 25 },
  { file: 'heldout132.jsonl', floor: 0.98, size: 9 },
  { file: 'heldout133.jsonl', floor: 0.97, size: 19 },
  { file: 'heldout134.jsonl', floor: 0.95, size: 14 },
  { file: 'heldout135.jsonl', floor: 0.94, size: 24 },
  { file: 'heldout136.jsonl', floor: 0.92, size: 26 },
  { file: 'heldout137.jsonl', floor: 0.97, size: 17 },
  { file: 'heldout138.jsonl', floor: 0.99, size: 22 },
  { file: 'heldout139.jsonl', floor: 0.96, size: 23 },
  { file: 'heldout140.jsonl', floor: 0.99, size: 5 },
  { file: 'heldout141.jsonl', floor: 0.99, size: 10 },
  { file: 'heldout142.jsonl', floor: 0.98, size: 15 },
  { file: 'heldout143.jsonl', floor: 0.94, size: 15 },
  { file: 'heldout144.jsonl', floor: 0.99, size: 16 },
  { file: 'heldout146.jsonl', floor: 0.99, size: 13 },
  { file: 'heldout147.jsonl', floor: 0.96, size: 17 },
  { file: 'heldout148.jsonl', floor: 0.99, size: 21 },
  { file: 'heldout149.jsonl', floor: 0.97, size: 19 },
  { file: 'heldout150.jsonl', floor: 0.95, size: 6 },
  { file: 'heldout145.jsonl', floor: 0.95, size: 20 },
  { file: 'heldout151.jsonl', floor: 0.96, size: 26 },
  { file: 'heldout152.jsonl', floor: 0.98, size: 11 },
  { file: 'heldout153.jsonl', floor: 1, size: 18 },
  { file: 'heldout154.jsonl', floor: 0.92, size: 8 },
  { file: 'heldout155.jsonl', floor: 0.94, size: 21 },
  { file: 'heldout156.jsonl', floor: 0.97, size: 20 },
  { file: 'heldout157.jsonl', floor: 0.95, size: 17 },
  { file: 'heldout158.jsonl', floor: 1, size: 14 },
  { file: 'heldout159.jsonl', floor: 0.98, size: 19 },
  { file: 'heldout160.jsonl', floor: 0.98, size: 22 },
  { file: 'heldout161.jsonl', floor: 0.97, size: 20 },
  { file: 'heldout162.jsonl', floor: 0.98, size: 8 },
  { file: 'heldout163.jsonl', floor: 0.98, size: 10 },
  { file: 'heldout164.jsonl', floor: 0.98, size: 16 },
  { file: 'heldout165.jsonl', floor: 0.92, size: 14 },
  { file: 'heldout166.jsonl', floor: 1, size: 14 },
  { file: 'heldout167.jsonl', floor: 0.96, size: 18 },
  { file: 'heldout168.jsonl', floor: 0.95, size: 14 },
  { file: 'heldout169.jsonl', floor: 1, size: 11 },
  { file: 'heldout170.jsonl', floor: 1, size: 9 },
  { file: 'heldout171.jsonl', floor: 0.97, size: 6 },
  { file: 'heldout172.jsonl', floor: 0.92, size: 6 },
  { file: 'heldout173.jsonl', floor: 0.97, size: 12 },
  // practice rounds, labelled beside the reader's output (not blind) to find its defects: kept so that no change
  // loses what their fixes gained (practice 7: long-tail tools; 8: mainstream tools; 9: mainstream tools, new
  // services and steps; 10: the long tail and look-alikes); read without the catalog, so that steps only the
  // catalog confirms count against it
  { file: 'practice7.jsonl', floor: 0.97, size: 60 },
  { file: 'practice8.jsonl', floor: 0.97, size: 60 },
  { file: 'practice9.jsonl', floor: 0.97, size: 60 },
  { file: 'practice10.jsonl', floor: 0.98, size: 60 },
  // 11: pages (blogs, re:Post); 12: mainstream tools of 2025–2026; 13: application logs
  { file: 'practice11.jsonl', floor: 0.99, size: 35 },
  { file: 'practice12.jsonl', floor: 0.98, size: 35 },
  { file: 'practice13.jsonl', floor: 0.98, size: 35 },
  { file: 'practice14.jsonl', floor: 0.97, size: 55 },
  { file: 'practice15.jsonl', floor: 0.98, size: 40 },
  { file: 'practice16.jsonl', floor: 0.98, size: 35 },
  { file: 'practice17.jsonl', floor: 0.98, size: 45 },
  { file: 'practice18.jsonl', floor: 0.94, size: 29 },
  { file: 'practice19.jsonl', floor: 0.95, size: 35 },
  { file: 'practice20.jsonl', floor: 0.98, size: 40 },
  { file: 'practice21.jsonl', floor: 0.97, size: 35 },
  { file: 'practice22.jsonl', floor: 0.97, size: 45 },
  { file: 'practice23.jsonl', floor: 0.98, size: 35 },
  { file: 'practice24.jsonl', floor: 0.98, size: 40 },
  { file: 'practice25.jsonl', floor: 0.97, size: 30 },
  { file: 'practice26.jsonl', floor: 0.99, size: 30 },
  { file: 'practice27.jsonl', floor: 0.96, size: 40 },
  { file: 'practice28.jsonl', floor: 0.97, size: 35 },
  { file: 'practice29.jsonl', floor: 0.99, size: 35 },
  { file: 'practice30.jsonl', floor: 0.98, size: 35 },
  { file: 'practice31.jsonl', floor: 0.99, size: 40 },
  { file: 'practice32.jsonl', floor: 0.97, size: 30 },
  { file: 'practice33.jsonl', floor: 0.97, size: 25 },
  { file: 'practice34.jsonl', floor: 0.97, size: 30 },
  { file: 'practice35.jsonl', floor: 0.98, size: 30 },
  { file: 'practice36.jsonl', floor: 0.99, size: 28 },
  { file: 'practice37.jsonl', floor: 0.94, size: 30 },
  { file: 'practice38.jsonl', floor: 0.96, size: 33 },
  { file: 'practice39.jsonl', floor: 0.96, size: 30 },
  { file: 'practice40.jsonl', floor: 0.98, size: 28 },
  { file: 'practice41.jsonl', floor: 0.99, size: 35 },
  { file: 'practice42.jsonl', floor: 0.99, size: 45 },
  { file: 'practice43.jsonl', floor: 0.98, size: 32 },
  { file: 'practice44.jsonl', floor: 0.96, size: 32 },
  { file: 'practice45.jsonl', floor: 0.97, size: 24 },
  { file: 'practice46.jsonl', floor: 0.98, size: 30 },
  { file: 'practice47.jsonl', floor: 0.94, size: 26 },
  { file: 'practice48.jsonl', floor: 0.95, size: 30 },
  { file: 'practice49.jsonl', floor: 0.93, size: 38 },
  { file: 'practice50.jsonl', floor: 0.95, size: 36 },
  { file: 'practice51.jsonl', floor: 0.98, size: 32 },
  { file: 'practice52.jsonl', floor: 0.97, size: 40 },
  { file: 'practice53.jsonl', floor: 0.92, size: 28 },
  { file: 'practice54.jsonl', floor: 0.99, size: 40 },
  { file: 'practice55.jsonl', floor: 0.99, size: 33 },
  { file: 'practice56.jsonl', floor: 0.99, size: 26 },
  { file: 'practice57.jsonl', floor: 0.96, size: 18 },
  { file: 'practice58.jsonl', floor: 0.97, size: 30 },
  { file: 'practice60.jsonl', floor: 0.97, size: 34 },
  { file: 'practice61.jsonl', floor: 0.97, size: 33 },
  { file: 'practice59.jsonl', floor: 0.98, size: 34 },
  { file: 'practice62.jsonl', floor: 0.96, size: 31 },
  { file: 'practice63.jsonl', floor: 0.94, size: 27 },
  { file: 'practice64.jsonl', floor: 0.97, size: 27 },
  { file: 'practice65.jsonl', floor: 0.97, size: 35 },
  { file: 'practice66.jsonl', floor: 0.99, size: 31 },
  { file: 'practice67.jsonl', floor: 0.98, size: 34 },
  { file: 'practice68.jsonl', floor: 0.99, size: 31 },
  { file: 'practice69.jsonl', floor: 0.98, size: 32 },
  { file: 'practice70.jsonl', floor: 0.99, size: 34 },
  { file: 'practice71.jsonl', floor: 0.97, size: 20 },
  { file: 'practice72.jsonl', floor: 0.98, size: 29 },
  // 73: Windows, PowerShell and .NET; 74: browsers and mobile front ends; 75: structured application logs; 76:
  // multi-account governance
  { file: 'practice73.jsonl', floor: 0.94, size: 27 },
  { file: 'practice74.jsonl', floor: 0.99, size: 33 },
  { file: 'practice75.jsonl', floor: 0.98, size: 31 },
  { file: 'practice76.jsonl', floor: 0.96, size: 36 },
  // 77: EKS workloads' AWS identity (IRSA, Pod Identity, kube2iam); 78: databases and caches called from applications
  { file: 'practice77.jsonl', floor: 0.98, size: 21 },
  { file: 'practice78.jsonl', floor: 0.98, size: 31 },
  // 79: API Gateway and Lambda URLs (the search spent: documentation in fetched repositories)
  { file: 'practice79.jsonl', floor: 0.99, size: 13 },
  // 80: S3 file-system and sync tools (the search spent: commit messages and documentation in fetched repositories)
  { file: 'practice80.jsonl', floor: 0.99, size: 15 },
  // 81: CloudFormation, CDK and SAM deployments refused
  { file: 'practice81.jsonl', floor: 0.95, size: 36 },
  // 82: CloudTrail records and audit output (records, Logs Insights rows, the policy simulator's results)
  { file: 'practice82.jsonl', floor: 0.97, size: 16 },
  // 83: damaged pastes (wrapped, cut, redacted, quoted, escaped twice); 84: big-data engines reaching S3 and Glue; 85:
  // backup, observability and object-storage tools; 86: signature, clock and key failures
  { file: 'practice83.jsonl', floor: 0.95, size: 32 },
  { file: 'practice84.jsonl', floor: 0.96, size: 26 },
  { file: 'practice85.jsonl', floor: 0.97, size: 25 },
  { file: 'practice86.jsonl', floor: 0.99, size: 36 },
  // 87: Go programs relaying AWS errors (the search spent after 17 look-ups: repository files)
  { file: 'practice87.jsonl', floor: 0.97, size: 20 },
  // 88: Java and JVM programs relaying AWS errors (the search spent after 12 look-ups: repository files)
  { file: 'practice88.jsonl', floor: 0.95, size: 19 },
  { file: 'practice89.jsonl', floor: 0.99, size: 31 },
  { file: 'practice90.jsonl', floor: 0.99, size: 27 },
  { file: 'practice91.jsonl', floor: 0.98, size: 22 },
  { file: 'practice92.jsonl', floor: 0.97, size: 29 },
].map((round) => {
  const all = readRound(round.file);
  return { ...round, rows: all.filter((row) => row.holdsAwsError !== false), all };
});

describe.each(ROUNDS)('readError on the held-out pastes of $file', ({ rows, floor, size }) => {
  const results = rows.map((row) => ({ row, result: readError(row.text) }));

  it('holds errors of many sources, each with its public source', () => {
    expect(rows.length).toBeGreaterThanOrEqual(size);
    const perSource = new Map<string, number>();
    for (const r of rows) perSource.set(r.source, (perSource.get(r.source) ?? 0) + 1);
    expect(Math.max(...perSource.values())).toBeLessThanOrEqual(3);
    for (const r of rows) expect(r.source).toMatch(/^https:\/\/\S+$/);
  });

  it('finds an AWS error in every one of them', () => {
    expect(results.filter(({ result }) => !result.ok).map(({ row }) => row.source)).toEqual([]);
  });

  it('reads at least its floor of the labelled fields right', () => {
    let right = 0;
    const wrong: string[] = [];
    for (const { row, result } of results) {
      const got: Record<string, unknown> = result.ok
        ? { kind: result.value.kind, ...result.value.failure }
        : {};
      for (const field of FIELDS) {
        if ((got[field] ?? null) === row.expected[field]) right++;
        else wrong.push(`${row.source} ${field}: ${row.expected[field]} ≠ ${String(got[field] ?? null)}`);
      }
    }
    const total = rows.length * FIELDS.length;
    expect(right / total, wrong.join('\n')).toBeGreaterThanOrEqual(floor);
  });
});

// the rows that hold no AWS answer (a client's own failure, another host's refusal, words a labeller judged either way):
// most read as holding none, or as a look-alike whose advice says no policy was evaluated (the no-credentials one for a
// client that found no credentials); the rest read as an AWS error, as a careful reader could (their headers name them)
it('reads the rows that hold no AWS answer as none or as a look-alike, at least 92% of them', () => {
  const unanswered = ROUNDS.flatMap((round) => round.all.filter((row) => row.holdsAwsError === false));
  const apart = unanswered.filter((row) => {
    const result = readError(row.text);
    return !result.ok || result.value.lookalike !== null;
  });
  expect(unanswered.length).toBeGreaterThanOrEqual(300);
  expect(apart.length / unanswered.length).toBeGreaterThanOrEqual(0.92);
});

// each round is apart from the others
it('shares no source between the rounds', () => {
  const all = ROUNDS.flatMap((round) => [...new Set(round.rows.map((r) => r.source))]);
  expect(all.length).toBe(new Set(all).size);
});
