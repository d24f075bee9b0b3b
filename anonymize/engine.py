"""The analyzer: Presidio's AnalyzerEngine over GiNZA, batch in and batch out.

Each distinct text is analysed once (bot answers and greetings repeat all day), the model is loaded
once per process, and texts go through `nlp.pipe` in batches.
"""

from __future__ import annotations

import functools
import multiprocessing
import os
import re
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from pathlib import Path

os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")  # never reach for the network

import spacy
from presidio_analyzer import AnalyzerEngine, RecognizerRegistry, RecognizerResult
from presidio_analyzer.nlp_engine import SpacyNlpEngine
from thinc.api import use_ops
from threadpoolctl import threadpool_limits

from anonymize.entities import Detection
from anonymize.greedy_ner import use_greedy_ner
from anonymize.lexicon import is_common_noun_phrase, is_romaji_name, is_romaji_word_name
from anonymize.names_ner import NAMES_META_KEY, NAMES_NER_DIR, add_names_ner
from anonymize.normalize import normalize
from anonymize.recognizers import all_recognizers
from anonymize.recognizers.address import own_premises_spans
from anonymize.recognizers.person import ENGLISH_SELF_INTRO, ROMAJI_INTRO_AFTER
from anonymize.settings import DetectionSettings


class ModelNotInstalledError(RuntimeError):
    """The spaCy model is not installed; tokumei never downloads one at run time."""


class GinzaNlpEngine(SpacyNlpEngine):
    """SpacyNlpEngine that loads an installed model with unused components excluded, and never downloads.

    Its NlpArtifacts carry the spaCy Doc; tokumei's recognizers read NER labels and Sudachi tags from it,
    so Presidio's generic label mapping is bypassed (no GiNZA label maps onto it anyway)."""

    def __init__(self, model: str, exclude: Sequence[str], names_model: str = "") -> None:
        super().__init__(models=[{"lang_code": "ja", "model_name": model}])
        self._exclude = list(exclude)
        self._names_model = names_model

    def load(self) -> None:
        model = self.models[0]["model_name"]
        if not spacy.util.is_package(model):
            raise ModelNotInstalledError(
                f"spaCy model {model!r} is not installed; install the pinned requirements (it is a package)"
            )
        self.nlp = {"ja": _load_model(model, tuple(self._exclude), self._names_model)}

    def _get_entities(self, doc):
        return []

    def _get_scores_for_entities(self, doc):
        return []


@functools.lru_cache(maxsize=2)
def _load_model(model: str, exclude: tuple[str, ...], names_model: str) -> spacy.Language:
    """One loaded model per process, however many engines are built, with the names head added.

    Its layers multiply matrices with numpy (OpenBLAS) instead of thinc's default BLIS: the BLIS wheel
    falls back to its generic kernel on CPUs it does not know (seen: AMD family 25), where tok2vec ran
    3.4x slower (README, "Speed"). GiNZA's NER and the names head are decoded by `GreedyNer`
    (anonymize/greedy_ner.py), as spaCy's own decoder spends most of its time taking the GIL."""
    with use_ops("numpy", use_blis=False):
        nlp = spacy.load(model, exclude=list(exclude))
        add_names_ner(nlp, Path(names_model) if names_model else NAMES_NER_DIR)
    for ner in ("ner", "names_ner"):
        use_greedy_ner(nlp, ner)
    return nlp


class Detector:
    """Finds personal data in batches of texts; returns Detections with offsets into the input texts."""

    def __init__(self, settings: DetectionSettings | None = None) -> None:
        self.settings = settings or DetectionSettings()
        self.nlp_engine = GinzaNlpEngine(self.settings.model, self.settings.exclude_components,
                                         self.settings.names_model)
        self.nlp_engine.load()
        registry = RecognizerRegistry(supported_languages=["ja"])
        for recognizer in all_recognizers(self.settings.keep_public_figures):
            registry.add_recognizer(recognizer)
        self.analyzer = AnalyzerEngine(
            registry=registry, nlp_engine=self.nlp_engine, supported_languages=["ja"],
            default_score_threshold=self.settings.score_threshold,
        )
        self._allow = _allow_pattern(self.settings.allow_list)
        self._public = _allow_pattern(self.settings.public_names, brand=False)
        self._products = _maker_pattern(self.settings.product_makers)
        self._tenant_allow = {tenant: _allow_pattern(terms) for tenant, terms in self.settings.tenant_allow_lists}
        self._cache: OrderedDict[str, tuple[Detection, ...]] = OrderedDict()

    @property
    def model_version(self) -> str:
        nlp = self.nlp_engine.nlp["ja"]
        return f"{nlp.meta.get('name', '?')}-{nlp.meta.get('version', '?')}+names-{nlp.meta[NAMES_META_KEY]}"

    def detect(self, texts: Sequence[str], tenant_ids: Sequence[str | None] | None = None) -> list[list[Detection]]:
        """Detections for each text, in order; every distinct text is analysed at most once. A tenant's own
        vocabulary (`tenant_allow_lists`) is taken out afterwards, so that one analysis serves every tenant."""
        normalized = [normalize(t) for t in texts]
        found = self._detect(normalized)
        if not tenant_ids or not self._tenant_allow:
            return found
        return [self._without_tenant_terms(text, dets, self._tenant_allow.get(tenant or ""))
                for text, dets, tenant in zip(normalized, found, tenant_ids, strict=True)]

    @staticmethod
    def _without_tenant_terms(text: str, found: list[Detection], terms: re.Pattern[str] | None) -> list[Detection]:
        """Names and organisations that lie wholly inside one of the tenant's own terms are dropped."""
        if terms is None:
            return found
        spans = [m.span() for m in terms.finditer(text)]
        return [d for d in found if d.type not in _NAME_TYPES or not any(s <= d.start and d.end <= e for s, e in spans)]

    def _detect(self, normalized: list[str]) -> list[list[Detection]]:
        todo = [t for t in dict.fromkeys(normalized) if t.strip() and t not in self._cache]
        if self.settings.n_process > 1 and len(todo) >= MIN_TEXTS_FOR_WORKERS:
            fresh = dict(zip(todo, self._workers.analyze(todo), strict=True))
        elif todo:
            fresh = dict(zip(todo, self.analyze_normalized(todo), strict=True))
        else:
            fresh = {}
        # Take cached results before remembering fresh ones: remembering may evict an entry this very
        # batch still needs, and a lost result would be a leak.
        known = {t: self._cache[t] for t in dict.fromkeys(normalized) if t in self._cache}
        for text in known:
            self._cache.move_to_end(text)
        for text, found in fresh.items():
            self._remember(text, found)
        known.update(fresh)
        return [list(known.get(text, ())) for text in normalized]

    def analyze_normalized(self, texts: list[str]) -> list[tuple[Detection, ...]]:
        """GiNZA (nlp.pipe, in batches) then the recognizers, in this process. A text longer than
        Sudachi accepts is analysed in pieces cut at line or sentence ends."""
        pieces = [(i, offset, piece) for i, text in enumerate(texts) for offset, piece in split_for_sudachi(text)]
        found: list[list[Detection]] = [[] for _ in texts]
        analysed = self.nlp_engine.process_batch([p for _, _, p in pieces], "ja", batch_size=self.settings.batch_size)
        for (i, offset, _), (piece, artifacts) in zip(pieces, analysed, strict=True):
            for d in self._resolve(piece, self.analyzer.analyze(piece, "ja", nlp_artifacts=artifacts)):
                found[i].append(Detection(d.type, d.start + offset, d.end + offset, d.score))
        return [tuple(f) for f in found]

    def close(self) -> None:
        """Stop the worker processes, if any were started (a clean exit without waiting for atexit)."""
        workers = self.__dict__.pop("_workers", None)
        if workers is not None:
            workers.pool.shutdown(wait=True)

    @functools.cached_property
    def _workers(self) -> _WorkerPool:
        return _WorkerPool(self.settings)

    def _remember(self, text: str, found: tuple[Detection, ...]) -> None:
        self._cache[text] = found
        if len(self._cache) > self.settings.cache_size:
            self._cache.popitem(last=False)

    def _resolve(self, text: str, results: Iterable[RecognizerResult]) -> list[Detection]:
        """Overlapping results are one piece of personal data: their union, typed by the best-scoring
        result (recognizers disagreeing on the type must not leave half a name). Allow-listed names
        (the tenant's brands) are dropped first."""
        protected = [m.span() for m in self._allow.finditer(text)] if self._allow else []
        protected += [m.span() for m in PLACE_NAME.finditer(text)]
        protected += own_premises_spans(text)
        public: list[tuple[int, int]] = []
        if self._public:  # a public company is still personal as someone's workplace (勤務先は…銀行)
            public = [m.span() for m in self._public.finditer(text)
                      if not AFFILIATION.search(text[max(0, m.start() - 10):m.end() + 8])
                      and not CORPORATE_ACTOR.match(text, m.end())]
            protected += public
        if self._products:  # コンビのスゴカル: the product too, when what follows is a thing's (not …のタナカに)
            protected += [(m.start("maker"), m.end("product") if m.group("product") and _THING_AFTER.match(
                text, m.end("product")) else m.end()) for m in self._products.finditer(text)]
        clusters: list[list[RecognizerResult]] = []
        for r in results:  # Smith. Could you confirm…: a name ends at the sentence end, and not in 、 or の
            if r.entity_type in _NAME_TYPES and (end := _SENTENCE_END.search(text, r.start, r.end)) is not None:
                r.end = end.start()
            while r.entity_type in _NAME_TYPES and r.end > r.start + 1 and text[r.end - 1] in (
                    "、,の" if r.entity_type == "ORGANIZATION" else "、,"):
                r.end -= 1
            if r.entity_type in _NAME_TYPES and (tail := _ADDRESSEE_TAIL.search(text, r.start + 2, r.end)):
                r.end = tail.start()  # ミナト精工様向けの請求書: the name, not who it is addressed to
        for r in sorted(results, key=lambda r: (r.start, -r.end, r.entity_type)):
            if r.end <= r.start or any(s <= r.start and r.end <= e for s, e in protected) or not _could_be_name(r, text):
                continue
            if r.entity_type == "ORGANIZATION" and any(  # iPhone上部, iPhoneストレージ, スズキ純正: a part of the thing
                    s == r.start and s < e < r.end and is_common_noun_phrase(text[e:r.end]) for s, e in protected):
                continue
            if (r.entity_type == "ORGANIZATION" and r.score < 0.8 and not AFFILIATION.search(text) and any(
                    e == r.start - 1 and text[e] in "・、/" for _, e in public)):
                continue  # 吉野家・すき家・松屋: an item in a list of services, unless anyone works there
            if r.entity_type in _NAME_TYPES and _LIST_MARK.search(text, r.start, r.end) and _is_list_of_services(
                    r, protected):
                continue
            if clusters and r.start < max(x.end for x in clusters[-1]):
                clusters[-1].append(r)
            else:
                clusters.append([r])
        out: list[Detection] = []
        for cluster in clusters:
            start, end = min(r.start for r in cluster), max(r.end for r in cluster)
            best = max(cluster, key=lambda r: (r.score, r.end - r.start, r.entity_type))
            # A building inside an address (…日吉本町1-23-4 グリーンパーク日吉305) is part of the address.
            whole = next((r for r in cluster if r.entity_type == "ADDRESS" and (r.start, r.end) == (start, end)), best)
            out.append(Detection(whole.entity_type, start, end, round(best.score, 2)))
        return out


SUDACHI_MAX_BYTES = 49149  # SudachiPy refuses longer input
_PIECE_BYTES = 30000  # leaves room for a multi-byte tail when a cut falls mid-line


def split_for_sudachi(text: str) -> list[tuple[int, str]]:
    """(offset, piece) pieces short enough for Sudachi, cut after a newline or 。 where possible."""
    if len(text.encode("utf-8")) <= SUDACHI_MAX_BYTES:
        return [(0, text)]
    pieces, start = [], 0
    limit = _PIECE_BYTES // 4  # characters: at most 4 bytes each in UTF-8
    while start < len(text):
        end = min(len(text), start + limit)
        if end < len(text):
            cut = max(text.rfind("\n", start, end), text.rfind("。", start, end))
            end = cut + 1 if cut > start + limit // 2 else end
        pieces.append((start, text[start:end]))
        start = end
    return pieces


MIN_TEXTS_FOR_WORKERS = 64  # below this, handing texts to other processes costs more than it saves


class _WorkerPool:
    """Worker processes that each load the model once (spawned, not forked: safe beside Prefect's
    threads) and analyse chunks of a batch in parallel. NER decoding is single-threaded; the workers share
    the cores' matrix threads, so that n workers do not each start one thread per core."""

    def __init__(self, settings: DetectionSettings) -> None:
        self.size = settings.n_process
        blas_threads = max(1, (os.cpu_count() or 1) // self.size)
        self.pool = ProcessPoolExecutor(
            max_workers=self.size, mp_context=multiprocessing.get_context("spawn"),
            initializer=_init_worker, initargs=(replace(settings, n_process=1), blas_threads),
        )

    def analyze(self, texts: list[str]) -> list[tuple[Detection, ...]]:
        size = -(-len(texts) // self.size)  # one chunk per worker: NER batches best in large runs
        chunks = [texts[i:i + size] for i in range(0, len(texts), size)]
        return [found for part in self.pool.map(_analyze_in_worker, chunks) for found in part]


_WORKER: Detector | None = None


def _init_worker(settings: DetectionSettings, blas_threads: int) -> None:
    global _WORKER
    threadpool_limits(blas_threads, user_api="blas")
    _WORKER = Detector(settings)


def _analyze_in_worker(texts: list[str]) -> list[tuple[Detection, ...]]:
    if _WORKER is None:
        raise RuntimeError("worker not initialised")
    return _WORKER.analyze_normalized(texts)


# Names of places to stay, stations and railway lines (ホテルニューオータニ, 東横イン新宿, 湯本温泉, 京王線): not
# personal, and GiNZA often tags their parts as people or companies.
PLACE_NAME = re.compile(r"(?:ホテル|旅館|民宿)[ァ-ヴー・A-Za-z\u4e00-\u9fff々]{1,15}"
                        r"|[ァ-ヴー・A-Za-z\u4e00-\u9fff々]{1,15}(?:ホテル|旅館|温泉|駅|空港|荘)"
                        r"|(?<![ァ-ヴー・A-Za-z\u4e00-\u9fff々])[ァ-ヴー\u4e00-\u9fff々]{1,5}(?<!電)線(?![\u4e00-\u9fff])"
                        r"|(?:東横|ルート|コンフォート|リッチモンド)イン[ァ-ヴー\u4e00-\u9fff々]{0,10}")


# Capitalised English words that NER and romanized-name signals take for names (Hi, Great, Shipping is
# free): a Latin person or organisation holding one of these is a sentence, not a name.
ENGLISH_WORDS = frozenset(
    "hi hello hey dear thanks thank thx yes no ok okay sure great good fine morning evening please sorry "
    "confirmed we you i he she they it this that these those the a an is are was were be been and or but of "
    "for to in on at by with from as if so not our your my his her their can could will would shall should "
    "may might do does did have has had shipping order orders free return refund delivery item items "
    "account support customer service team here there what when where which who how why "
    "dob tel fax email mail id name monday tuesday wednesday thursday friday saturday sunday january february "
    "march april may june july august september october november december english chinese korean japanese "
    "vietnamese area your got get let see noted understood cool nice wow oh ah alright awesome perfect "
    "just also still now then again appreciate appreciated regards best cheers welcome done finished ready "
    "live hotel inn hostel station airport terminal room rooms "
    # Nationalities, countries, colours and classes that start English sentences or stand alone (I'm Indian,
    # Olive or Violet, Hope you can…, Pilates reformer class).
    "indian australian american british canadian filipino french german italian spanish brazilian mexican thai "
    "indonesian nepali nepalese taiwanese singaporean malaysian russian ukrainian european asian african "
    "japan australia america usa canada philippines india china korea vietnam thailand taiwan france germany "
    "italy spain brazil nepal indonesia england olive violet lavender beige sandy ivory navy khaki hope happy new "
    "year pilates yoga member members everyone guest guests sir madam".split())
# An English self-introduction right before a name: there a name may start with an English word (I'm Will Harper).
_SELF_INTRO_EN = re.compile(r"\b(?:" + ENGLISH_SELF_INTRO + r") $")
# What follows a maker's product and not a person (コンビのスゴカル、, not トヨタのタナカに).
_THING_AFTER = re.compile(r"[のをはも、。？！?!]|って|用|$")
# Words of a product, plan or service name (Prime Video, ChatGPT Plus, PAS With): never in a person's.
_PRODUCT_WORDS = frozenset("plus pro premium prime online video music cloud creative plan plans duo store app apps bank "
                           "with and the of for pay card account subscription edition suite studio cafe".split())
_NAME_TYPES = frozenset({"PERSON", "ORGANIZATION"})
# An honorific or "addressed to" that NER or a name pattern took into a name's end (様向け, 御中, 宛て).
_ADDRESSEE_TAIL = re.compile(r"(?:(?:様|さま|さん|殿|御中)(?:向け?|宛て?)?|向け|宛て?)$")
_LIST_MARK = re.compile(r"[・/／]")  # PayPay・楽天ペイ, VISA/Master/JCB
_LETTER = re.compile(r"[A-Za-zぁ-んァ-ヴｦ-ﾟ\u4e00-\u9fff々가-힣]")
# Where a name ends at the latest: within hours. 交換 is two sentences; Mr. and Co. are not sentence ends.
_SENTENCE_END = re.compile(r"[。！？]|(?<![A-Z])(?<![A-Z][a-z])(?<![A-Z][a-z]{2})[.!?] ")
_LATIN_ONLY = re.compile(r"[A-Za-z .,'&:;!?\"/-]+")
_LATIN_TEXT = re.compile(r"[A-Za-z0-9 .,'&:;!?\"/-]+")
_NAME_PARTICLES = frozenset({"and", "of", "de", "da", "van", "von", "der", "la", "le", "du", "di", "bin", "al"})
_WEEKDAYS = frozenset("月火水木金土日")
# After a place, not a person or a company: 金沢行きたい, 金沢2日間, 兼六園まで, 金沢観光.
_TRIP_AFTER = re.compile(r"(?:に|へ|まで)?(?:行き|行っ|行く|旅行|観光|周辺|滞在|泊|方面|エリア|市内|駅前|\d+日間|\d+泊)"
                         r"|(?:あたり|辺り|付近|近辺|界隈)(?:で|に|の|が|は|まで)"  # 学芸大学あたりで1LDK
                         # 梅田発着, 嵐山の紅葉, 梅田のどこ, 高山からどれくらい, 静岡の方が回りやすい
                         r"|発着|の(?:紅葉|桜|夜景|見頃|どこ|観光|名所|方が回り)|(?:から|まで)(?:どれくらい|何分|近い|遠い)"
                         r"|[一二三四五六七八九十0-9０-９]{1,3}丁目")  # 停留所「吉田一丁目」: a district
_TRIP_IN_NAME = re.compile(r"(?:発着|行き)$")  # ホノルル行き, 梅田発着: the NER's span holds the trip
_LEGAL_FORM_EN = re.compile(r"\b(?:Co|Ltd|Inc|Corp|LLC|GmbH)\b")


def _is_list_of_services(result: RecognizerResult, protected: list[tuple[int, int]]) -> bool:
    """A ・-joined span over public names is a list of services (PayPay・楽天ペイ・d払い, デビットカード・JCB), not
    one name; a person's name may end in one, whole (ジョン・B・マクドナルド)."""
    over = [(s, e) for s, e in protected if s < result.end and result.start < e]
    return len(over) >= 2 or (bool(over) and (result.entity_type != "PERSON" or any(
        s < result.start or e > result.end for s, e in over)))


def _could_be_name(result: RecognizerResult, text: str) -> bool:
    """False for a person or organisation with no letter in it (〜), a weekday (月〜金), a place someone goes
    to (金沢行きたい), an English sentence fragment, or lower-case English (contacting us, tomorrow)."""
    if result.entity_type not in _NAME_TYPES:
        return True
    value = text[result.start:result.end]
    if (not _LETTER.search(value) or value.strip("〜~()（）") in _WEEKDAYS or _TRIP_AFTER.match(text, result.end)
            or _TRIP_IN_NAME.search(value)):
        return False
    if _LATIN_TEXT.fullmatch(value) and any(w.islower() and w not in _NAME_PARTICLES for w in re.findall(
            r"[A-Za-z]+(?:-[A-Za-z]+)*", value)) and (result.entity_type == "ORGANIZATION" or not (
                is_romaji_name(value) or (is_romaji_word_name(value) and ROMAJI_INTRO_AFTER.match(text, result.end)))):
        return False  # contacting us, tomorrow, Haneda does; a person in romaji may be lower case (aya nakamura)
    if result.entity_type == "PERSON" and _LATIN_TEXT.fullmatch(value.rstrip(" の")) and _PRODUCT_WORDS.intersection(
            w.lower() for w in re.findall(r"[A-Za-z]+", value)):
        return False
    if _LATIN_ONLY.fullmatch(value) and not _LEGAL_FORM_EN.search(value):
        # A sentence starts with an English word or is mostly English words (Hi, Great service); a name may
        # hold one further on (Nguyen Van An).
        words = [w.lower() in ENGLISH_WORDS for w in re.findall(r"[A-Za-z]+", value)]
        introduced = result.entity_type == "PERSON" and _SELF_INTRO_EN.search(text, 0, result.start) is not None
        return not (words and ((words[0] and not introduced) or sum(words) * 2 > len(words)))
    return True


AFFILIATION = re.compile(r"勤務|勤め|所属|職場|勤務先|社員|働い|就職|転職|入社|バイト(?:して|先)|パート(?:して|先)"
                         r"|で(?:ドライバー|アルバイト|バイト|パート|派遣)")  # ヤマト運輸でドライバーしてて


# After a public name, words that make it a company acting as one, not a service someone uses
# (Googleの株式, 全日本空輸が…世界初の商業運航を, NTTによって開発, 日本航空、全日本空輸、AIRDOの3社).
CORPORATE_ACTOR = re.compile(
    r"(?:[、・][^、。・\s]{1,12}){0,5}の[2-9二三四五六七八九]社"
    r"|[はがも][^。、！？!?]{0,24}?(?:発表|発売|開発|運航|就航|買収|設立|提携|合併|上場|出資|提訴|依頼|撤退|参入|創業"
    r"|自社|改正|実施|導入|採用|運行|発行|商標)|の(?:株式|株主|株価|社長|会長|CEO|専務|常務|取締役|子会社|傘下|創業者|前身"
    r"|(?:CI)?ロゴ)"
    r"|によって(?:開発|運営|製造|買収|設立)|との(?:契約|提携|合弁|合併)|と(?:合併|提携|経営統合)")


# What follows a maker named for its product: 製, a product word (…のドライヤー; not a phone or a PC, which
# is someone's: スズキのスマホに連絡ください), or a model, Latin
# (WH-1000XM5, Nintendo Switch) or katakana (スズキのハスラーに), that ends at a particle.
PRODUCT_WORDS = (r"車|軽|新車|中古車|ドライヤー|掃除機|冷蔵庫|洗濯機|乾燥機|テレビ|エアコン|電子レンジ|レンジ|炊飯器"
                 r"|ケトル|ポット|トースター|扇風機|加湿器|空気清浄機|ヒーター|プリンター|プリンタ|複合機|カメラ|デジカメ|レンズ"
                 r"|イヤホン|ヘッドホン|ヘッドフォン|スピーカー|ゲーム機|ゲーム|ソフト|コントローラー|時計|腕時計"
                 r"|ウォッチ|電卓|バッテリー|充電器|ケーブル|アダプター|ルーター|モニター|ディスプレイ|キーボード"
                 r"|マウス|シェーバー|電動歯ブラシ|体重計|血圧計|靴|スニーカー|シューズ|ジャケット|ウェア|家具"
                 r"|製品|商品|純正品?|正規品|電池|トナー|インク|アプリ|タイヤ|ナビ|部品|パーツ|自転車|電動自転車|バイク"
                 r"|ピアノ|電子ピアノ|楽器|ギター|給湯器|コンロ|食洗機|パネル|太陽光パネル|蓄電池|ミシン|化粧品|シャンプー"
                 r"|トリートメント|カラー剤|コスメ|フード|ペットフード|療法食|おやつ|スキー板|ボード|ブーツ|ラケット")
_PRODUCT_AFTER = (r"(?:(?P<model>[ \u3000・]?の?[ \u3000]?(?:[A-Za-z]+[0-9-][A-Za-z0-9-]*"
                  r"|[A-Z][A-Za-z0-9-]*-[A-Za-z0-9-]+|[A-Z]{2,} [A-Z][a-z]+(?![A-Za-z]))"  # キヤノンのEOS Kiss
                  r"|[ \u3000](?:Switch|Watch|Pay|Pixel|Xperia|PlayStation"
                  r"|Surface|Galaxy|Echo|Kindle|AirPods|Music|TV|Stratocaster|Telecaster|Les Paul|Jazz Bass))"
                  r"|(?=[ \u3000]?製(?!造|作)|純正|[ \u3000]?の[ \u3000]?[ァ-ヴー]{0,8}?(?:" + PRODUCT_WORDS + r")"
                  r"|の(?!スマホ|スマートフォン|ケータイ|パソコン|タブレット)(?P<product>[ァ-ヴー]{2,12}"
                  r"(?:・[A-Za-z0-9ァ-ヴー]{1,6})?)"  # パナソニックのビビ・DX
                  r"(?:に|を|が|は|って|も|の|で|と|用|対応|[、。？！?!]|$)))")


def _maker_pattern(terms: Sequence[str]) -> re.Pattern[str] | None:
    """Makers named for a product they made, with a Latin model name if one follows: パナソニックのドライヤー,
    ソニー製, ホンダのN-BOX, Nintendo Switch."""
    if not terms:
        return None
    names = "|".join(re.escape(normalize(t)) for t in sorted(terms, key=len, reverse=True))
    # …or a list of makers (ダイキン・パナソニック・日立など主要メーカー), a katakana model after a space
    # (トヨタ カローラアクシオ; five letters at least, so not マツダ ヤマト, a name) or a model number (マツダ3).
    among_makers = (r"|(?=(?:[・/／]|か|や)[ \u3000]?(?:" + names + r"))"
                    r"|(?=(?:など|等)の?(?:主要|国内|大手|各)?(?:メーカー|ブランド"
                    r"|製品|機種|家電))|(?P<kana_model>[ \u3000][ァ-ヴ][ァ-ヴー・]{4,15}|\d{1,2}(?![0-9台年月日件回歳]))"
                    # a Latin model after の (ブリヂストンのbikke), or of two words with a number (キヤノンEOS R5;
                    # not Roland Smith)
                    r"|(?P<latin_model>[ \u3000]?の[ \u3000]?[A-Za-z][A-Za-z0-9/-]{1,15}"
                    r"|[ \u3000]?[A-Za-z][A-Za-z0-9/-]{1,15}[ \u3000][A-Z]{0,3}\d[A-Za-z0-9/-]*)")
    return re.compile(r"(?<![A-Za-zァ-ヴー\u4e00-\u9fff])(?P<maker>" + names + r")(?:" + _PRODUCT_AFTER + among_makers + ")")


# Words that continue a public name and keep it a service (ドコモショップ, 楽天カード, ヤマト運輸の営業所 is not one).
SERVICE_WORDS = (r"(?:ショップ|ストア|店舗?|カード|ポイント|アプリ|回線|モバイル|ペイ|払い|便|ID|アカウント|会員|プレミアム"
                 r"|市場|純正|ブックス|光|でんき|ガス|トラベル|ミュージック|テレビ|ビデオ|プライム)")


def _allow_pattern(terms: Sequence[str], brand: bool = True) -> re.Pattern[str] | None:
    """Allow-listed terms, case-insensitive. The tenant's brands (`brand`) may be wrapped in a legal form
    (株式会社ミナライ) or continued by any word (ミナライショップ, ミナライ会員アプリ, minarai-shop); a public name
    only by a service word (ドコモショップ, 楽天カード): 日本郵便株式会社 and NTTコミュニケーションズ are companies
    of their own."""
    if not terms:
        return None
    # An acronym (ANA, JAL, NTT) only in capitals: Ana Souza and Jal are people.
    names = "|".join(f"(?-i:{re.escape(normalize(t))})" if t.isascii() and t.isupper() else re.escape(normalize(t))
                     for t in sorted(terms, key=len, reverse=True))
    legal = r"(?:株式会社|有限会社|合同会社|\(株\))?\s?" if brand else ""
    # A Latin name is continued only after a hyphen (minarai-shop): Appleton and Jalen are not Apple, JAL.
    word = r"[ァ-ヴー\u4e00-\u9fff]+" if brand else SERVICE_WORDS + r"(?![ァ-ヴー\u4e00-\u9fff])"
    # A public name's product in Latin follows a space (Apple CarPlay, Amazon Echo, YouTube Music).
    product = "" if brand else r"|(?-i: [A-Z][A-Za-z]+)"
    continued = (r"(?:\s?(?:株式会社|社)|" if brand else r"(?:") + word + product + r"|(?:-[A-Za-z0-9]+)+)?(?![A-Za-z])"
    # Not the end of a longer word (ゲオルク is not ゲオ).
    return re.compile(r"(?<![ァ-ヴーA-Za-z])" + legal + "(?:" + names + ")" + continued, re.IGNORECASE)
