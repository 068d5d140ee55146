using System.Text;

namespace Muster.Agents.Imports.Python;

/// <summary>
/// Which PyPI distribution provides an import name: a hand-kept list of well-known mismatches (<c>yaml</c> comes from
/// PyYAML) and popular same-name distributions, then the generated <see cref="PythonImportTable"/>. A key may be dotted (<c>google.protobuf</c>); the
/// longest matching prefix of an import wins. Distribution names are compared after PEP 503 normalisation.
/// </summary>
internal static class PythonDistributionNames
{
    public static readonly IReadOnlyDictionary<string, string[]> ImportToDistributions = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["yaml"] = ["PyYAML"],
        ["PIL"] = ["Pillow", "PIL"],
        ["cv2"] = ["opencv-python", "opencv-python-headless", "opencv-contrib-python", "opencv-contrib-python-headless"],
        ["sklearn"] = ["scikit-learn"],
        ["skimage"] = ["scikit-image"],
        ["jwt"] = ["PyJWT"],
        ["dotenv"] = ["python-dotenv"],
        ["bs4"] = ["beautifulsoup4"],
        ["jose"] = ["python-jose"],
        ["dateutil"] = ["python-dateutil"],
        ["google.protobuf"] = ["protobuf"],
        ["attr"] = ["attrs"],
        ["magic"] = ["python-magic"],
        ["serial"] = ["pyserial"],
        ["OpenSSL"] = ["pyOpenSSL"],
        ["Crypto"] = ["pycryptodome", "pycrypto"],
        ["Cryptodome"] = ["pycryptodomex"],
        ["docx"] = ["python-docx"],
        ["pptx"] = ["python-pptx"],
        ["multipart"] = ["python-multipart"],
        ["socks"] = ["PySocks"],
        ["usb"] = ["pyusb"],
        ["git"] = ["GitPython"],
        ["github"] = ["PyGithub"],
        ["gi"] = ["PyGObject"],
        ["wx"] = ["wxPython"],
        ["zmq"] = ["pyzmq"],
        ["psycopg2"] = ["psycopg2", "psycopg2-binary"],
        ["MySQLdb"] = ["mysqlclient"],
        ["mysql"] = ["mysql-connector-python"],
        ["ldap"] = ["python-ldap"],
        ["slugify"] = ["python-slugify"],
        ["telegram"] = ["python-telegram-bot"],
        ["discord"] = ["discord.py"],
        ["nacl"] = ["PyNaCl"],
        ["kafka"] = ["kafka-python"],
        ["OpenGL"] = ["PyOpenGL"],
        ["Xlib"] = ["python-xlib"],
        ["win32api"] = ["pywin32"],
        ["win32con"] = ["pywin32"],
        ["pythoncom"] = ["pywin32"],
        ["pywintypes"] = ["pywin32"],
        ["fitz"] = ["PyMuPDF"],
        ["dns"] = ["dnspython"],
        ["googleapiclient"] = ["google-api-python-client"],
        ["grpc"] = ["grpcio"],
        ["pkg_resources"] = ["setuptools"],
        ["mpl_toolkits"] = ["matplotlib"],
        ["pylab"] = ["matplotlib"],
        ["faiss"] = ["faiss-cpu", "faiss-gpu"],
        ["websocket"] = ["websocket-client"],
        ["engineio"] = ["python-engineio"],
        ["socketio"] = ["python-socketio"],
        ["bson"] = ["pymongo"],
        ["gridfs"] = ["pymongo"],
        ["rest_framework"] = ["djangorestframework"],
        ["corsheaders"] = ["django-cors-headers"],
        ["environ"] = ["django-environ"],
        ["debug_toolbar"] = ["django-debug-toolbar"],
        ["Bio"] = ["biopython"],
        ["umap"] = ["umap-learn"],
        ["jenkins"] = ["python-jenkins"],
        ["Levenshtein"] = ["python-Levenshtein", "Levenshtein"],
        ["markdown"] = ["Markdown"],
        ["sentry_sdk"] = ["sentry-sdk"],
        ["email_validator"] = ["email-validator"],
        ["ruamel"] = ["ruamel.yaml"],
        ["jinja2"] = ["Jinja2"],
    };

    private const string SameNameDistributions = """
        aiohttp aiofiles alembic anthropic anyio arrow asyncpg attrs bcrypt black boto boto3 botocore cachetools celery
        certifi chardet chromadb click colorama cryptography dash datasets django docker duckdb elasticsearch fastapi
        flask fsspec gensim gradio greenlet gunicorn h11 httpx huggingface_hub idna itsdangerous jmespath jsonschema
        keras kombu kubernetes langchain lightgbm loguru lxml marshmallow matplotlib motor msgpack networkx nltk numpy
        ollama openai orjson paramiko passlib pandas pendulum pika playwright plotly polars prometheus_client psutil
        psycopg pyarrow pydantic pydantic_settings pygame pymongo pymysql pytest pytz qdrant_client redis requests rich
        scipy scrapy seaborn selenium sentence_transformers simplejson six slack_sdk spacy sqlalchemy starlette streamlit
        stripe structlog sympy tabulate tenacity tensorflow termcolor tiktoken toml tomli torch tqdm transformers trio
        twilio typer typing_extensions ujson urllib3 uvicorn websockets werkzeug xgboost
        """;

    public static readonly IReadOnlySet<string> KnownSameName =
        new HashSet<string>(SameNameDistributions.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);

    /// <summary>PEP 503: lower case, runs of '-', '_' and '.' become one '-'.</summary>
    public static string Normalize(string name)
    {
        var builder = new StringBuilder(name.Length);
        var pendingDash = false;
        foreach (var c in name.Trim())
        {
            if (c is '-' or '_' or '.') { pendingDash = builder.Length > 0; continue; }
            if (pendingDash) { builder.Append('-'); pendingDash = false; }
            builder.Append(char.ToLowerInvariant(c));
        }
        return builder.ToString();
    }

    /// <summary>
    /// Distributions that could provide <paramref name="module"/>: mapped names for its longest mapped prefix, plus
    /// the dotted prefixes themselves as names (<c>google.cloud.storage</c> → google-cloud-storage, google-cloud, google).
    /// </summary>
    public static IReadOnlyList<string> CandidateDistributions(string module)
    {
        var parts = module.Split('.');
        var candidates = new List<string>();
        for (var k = parts.Length; k >= 1; k--)
        {
            var prefix = string.Join('.', parts, 0, k);
            if (ImportToDistributions.TryGetValue(prefix, out var mapped)) candidates.AddRange(mapped);
            candidates.AddRange(PythonImportTable.Instance.DistributionsOf(prefix));
            candidates.Add(prefix);
        }
        return candidates;
    }

    /// <summary>The distribution to tell people to add, or null when the name is not known to be on PyPI.</summary>
    public static string? SuggestedDistribution(string module)
    {
        var parts = module.Split('.');
        for (var k = parts.Length; k >= 1; k--)
        {
            var prefix = string.Join('.', parts, 0, k);
            if (ImportToDistributions.TryGetValue(prefix, out var mapped)) return mapped[0];
            if (PythonImportTable.Instance.DistributionsOf(prefix) is [var known, ..]) return known;
        }
        return KnownSameName.Contains(parts[0]) ? parts[0].Replace('_', '-') : null;
    }

    private static readonly string[] DistributionPrefixes = ["python-", "py-", "django-"];
    private static readonly string[] DistributionSuffixes = ["-python", "-py", "-sdk", "-api", "-client", "-core", "-lib", "-official", "py"];

    /// <summary>
    /// A declared distribution whose name makes it a plausible provider of <paramref name="module"/> when no table says
    /// so: the same name once affixes are dropped (<c>a2a-sdk</c>, <c>python-foo</c>), a longer name starting with the
    /// import (<c>strawberry-graphql</c>, <c>opentelemetry-api</c>), or an import starting with the stem (<c>celpy</c> from
    /// <c>cel-python</c>), Django's conventions (<c>djmoney</c> from <c>django-money</c>, <c>registration</c> from
    /// <c>django-registration-redux</c>). With <paramref name="allowVendorPrefix"/> (only for a name the tables know to
    /// come from another distribution), also a vendor-prefixed name (<c>openai-whisper</c> for <c>whisper</c>): for an
    /// unknown name that rule is too loose (<c>httpx-auth</c> would excuse a missing local <c>auth</c>). A guess: callers
    /// report it as unverified, never as resolved.
    /// </summary>
    public static string? PlausibleProvider(string module, IEnumerable<string> normalizedDistributions, bool allowVendorPrefix = false)
    {
        var parts = module.Split('.');
        var names = Enumerable.Range(1, parts.Length).Select(k => Normalize(string.Join('.', parts, 0, k))).Reverse().ToList();
        foreach (var distribution in normalizedDistributions.Order(StringComparer.Ordinal))
        {
            var stem = Stem(distribution);
            foreach (var name in names)
            {
                var squashed = name.Replace("-", "", StringComparison.Ordinal);
                if (stem == name || distribution.StartsWith(name + "-", StringComparison.Ordinal) || (allowVendorPrefix && distribution.EndsWith("-" + name, StringComparison.Ordinal)) ||
                    distribution == squashed + "py" || (distribution.StartsWith("django-", StringComparison.Ordinal) && name == "dj" + stem.Replace("-", "", StringComparison.Ordinal)) ||
                    (stem != distribution && stem.StartsWith(name + "-", StringComparison.Ordinal)) ||
                    (stem.Length >= 3 && squashed.StartsWith(stem.Replace("-", "", StringComparison.Ordinal), StringComparison.Ordinal) && squashed.Length - stem.Length <= 3))
                {
                    return distribution;
                }
            }
        }
        return null;
    }

    private static string Stem(string distribution)
    {
        var stem = distribution;
        foreach (var prefix in DistributionPrefixes)
        {
            if (stem.StartsWith(prefix, StringComparison.Ordinal) && stem.Length > prefix.Length + 1) { stem = stem[prefix.Length..]; break; }
        }
        foreach (var suffix in DistributionSuffixes)
        {
            if (stem.EndsWith(suffix, StringComparison.Ordinal) && stem.Length > suffix.Length + 1) { stem = stem[..^suffix.Length]; break; }
        }
        return stem;
    }
}
